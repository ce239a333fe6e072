/**
 * The portal's sections, in menu order. Home shows a tile for each; a section appears here only once
 * it exists. Labels are in the `layout` messages: `nav.<key>` and `sections.<key>.{title,description,action}`.
 */
export interface PortalSection {
  key: 'groups' | 'connectors' | 'connections' | 'phone' | 'audit' | 'apiReference';
  /** The menu label's key under `nav` (Settings for the phone numbers). */
  nav: 'groups' | 'connectors' | 'connections' | 'settings' | 'audit' | 'apiReference';
  href: string;
  /** Where the tile's button goes (its label: `sections.<key>.action`). */
  actionHref?: string;
  icon: 'phone' | 'plug' | 'users' | 'link' | 'scroll' | 'book' | 'cable';
}

export const NAV_SECTIONS: PortalSection[] = [
  { key: 'groups', nav: 'groups', href: '/groups', actionHref: '/groups/new', icon: 'users' },
  { key: 'connectors', nav: 'connectors', href: '/connectors', actionHref: '/connectors/new', icon: 'plug' },
  { key: 'connections', nav: 'connections', href: '/connections', icon: 'cable' },
  { key: 'phone', nav: 'settings', href: '/settings/phone-numbers', actionHref: '/settings/phone-numbers?add=1', icon: 'phone' },
  { key: 'audit', nav: 'audit', href: '/audit', icon: 'scroll' },
  { key: 'apiReference', nav: 'apiReference', href: '/api-reference', icon: 'book' },
];
