/**
 * The portal's sections, in menu order. Home shows a tile for each; a section appears here only once
 * it exists.
 */
export interface PortalSection {
  href: string;
  nav: string;
  title: string;
  description: string;
  action?: { label: string; href: string };
  icon: 'phone' | 'plug' | 'users' | 'link' | 'scroll' | 'book' | 'cable';
}

export const NAV_SECTIONS: PortalSection[] = [
  {
    href: '/groups',
    nav: 'Groups',
    title: 'Groups',
    description: 'Conversation groups of your organization: members, sub groups and the connectors that act in them.',
    action: { label: 'New group', href: '/groups/new' },
    icon: 'users',
  },
  {
    href: '/connectors',
    nav: 'Connectors',
    title: 'Connectors',
    description: 'Integrate your internal or external applications with your groups using REST APIs and webhooks.',
    action: { label: 'New Connector', href: '/connectors/new' },
    icon: 'plug',
  },
  {
    href: '/connections',
    nav: 'Connections',
    title: 'Connections',
    description: 'Third-party APIs (Google, Slack, your CRM…) your integrations call by link name, without holding their credentials.',
    icon: 'cable',
  },
  {
    href: '/settings/phone-numbers',
    nav: 'Settings',
    title: 'Phone numbers',
    description: 'Your phone numbers identify you in groups. Add one, verify it with a PIN, and pick the active one.',
    action: { label: 'Add a Phone Number', href: '/settings/phone-numbers?add=1' },
    icon: 'phone',
  },
  {
    href: '/audit',
    nav: 'Audit log',
    title: 'Audit log',
    description: 'Who changed what, and who was shown which secret or token: by people and by connectors, with time and IP. Filter it or export it as CSV.',
    icon: 'scroll',
  },
  {
    href: '/api-reference',
    nav: 'API reference',
    title: 'API reference',
    description: 'Every /v1 endpoint your connectors call: parameters, responses, errors and permissions. Public, so you can share the link.',
    icon: 'book',
  },
];
