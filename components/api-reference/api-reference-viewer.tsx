'use client';
import Script from 'next/script';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ReactNode } from 'react';

interface ScalarInstance {
  destroy(): void;
}
declare global {
  interface Window {
    /** Set by Scalar's standalone bundle. */
    Scalar?: { createApiReference(element: Element, configuration: Record<string, unknown>): ScalarInstance };
  }
}

/** Scalar's two-column layout (sidebar beside the content) starts at this width; below it, one column. */
const WIDE = '(min-width: 1000px)';

// The portal's look: its font stacks (tailwind.config.ts) and its indigo accent (app/globals.css). In the wide
// layout the portal header stays on top (sticky), so Scalar's sidebar sticks below it.
const CUSTOM_CSS = `
:root {
  --scalar-font: "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif;
  --scalar-font-code: ui-monospace, "Cascadia Code", Consolas, monospace;
}
.light-mode {
  --scalar-color-accent: #4f46e5;
  --scalar-background-accent: #4f46e51f;
}
@media ${WIDE} {
  .scalar-api-reference { --scalar-custom-header-height: var(--portal-header-height, 0px); }
}
/* on a phone nothing pushes the page sideways: long paths (…/reaction/{referenceId}/summary) break, and the
   hover "Copy link" button beside a heading that fills the line is clipped at its edge */
.scalar-api-reference .operation-path { overflow-wrap: anywhere; word-break: break-word; min-width: 0; }
.scalar-api-reference .section-header { overflow-x: clip; }
/* one column on a phone: Scalar's "Copy link" button beside a long operation heading pokes 1–2 px past the edge */
.scalar-api-reference { overflow-x: clip; }
`;

/**
 * Scalar's settings. Nothing may leave our server: the page works offline and behind a firewall, so every
 * feature that would call Scalar's cloud is off.
 */
function configuration(documentUrl: string): Record<string, unknown> {
  return {
    url: documentUrl,
    // otherwise Inter and JetBrains Mono come from Scalar's font CDN; CUSTOM_CSS sets the portal's fonts
    withDefaultFonts: false,
    // on by default: posts an event to Scalar's analytics endpoint when a request is sent from the test client
    telemetry: false,
    // Scalar's AI agent talks to Scalar's cloud (and switches itself on for pages on localhost)
    agent: { disabled: true },
    // the developer toolbar (shown on localhost) offers to upload the document to Scalar's registry
    showDeveloperTools: 'never',
    // "Open API Client" links to Scalar's hosted client with our document's URL; "Test Request" stays here
    hideClientButton: true,
    // no proxyUrl: "Send" in the test client calls our /v1 directly, never Scalar's request proxy
    // the portal is light only
    forceDarkModeState: 'light',
    hideDarkModeToggle: true,
    // a small API: every operation on the page (and findable with the browser's search)
    defaultOpenAllTags: true,
    documentDownloadType: 'json',
    customCss: CUSTOM_CSS,
  };
}

/**
 * The portal header above the OpenAPI document at `documentUrl`, rendered by Scalar's standalone bundle,
 * which our server serves from node_modules (`scriptUrl`, lib/api-reference). Scalar is mounted on this
 * component's element and destroyed when the component leaves (client-side navigation).
 */
export function ApiReferenceViewer({ header, scriptUrl, documentUrl }: { header: ReactNode; scriptUrl: string; documentUrl: string }) {
  const t = useTranslations('apiReference.viewer');
  const root = useRef<HTMLDivElement>(null);
  const headerBox = useRef<HTMLDivElement>(null);
  const mountPoint = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  // Scalar's sidebar sticks below the header: tell it the header's height (it changes with the signed-in
  // user's details and the window width)
  useEffect(() => {
    const box = headerBox.current;
    if (!box) return;
    const observer = new ResizeObserver(() => root.current?.style.setProperty('--portal-header-height', `${box.offsetHeight}px`));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (state !== 'ready' || !mountPoint.current || !window.Scalar) return;
    const instance = window.Scalar.createApiReference(mountPoint.current, configuration(documentUrl));
    return () => {
      instance.destroy();
      // Scalar marks <body> with its colour mode; the rest of the portal has no use for it
      document.body.classList.remove('light-mode', 'dark-mode');
    };
  }, [state, documentUrl]);

  return (
    <div ref={root} className="min-h-screen">
      <div ref={headerBox} className="top-0 z-30 min-[1000px]:sticky">
        {header}
      </div>
      <main>
        <Script src={scriptUrl} strategy="afterInteractive" onReady={() => setState('ready')} onError={() => setState('failed')} />
        {state === 'loading' && (
          <p role="status" className="mx-auto max-w-6xl px-4 py-8 text-sm text-muted-foreground sm:px-6">
            {t('loading')}
          </p>
        )}
        {state === 'failed' && (
          <p role="alert" className="mx-auto max-w-6xl px-4 py-8 text-sm sm:px-6">
            {t.rich('failed', {
              url: documentUrl,
              link: (chunks) => (
                <a className="text-primary underline" href={documentUrl}>
                  {chunks}
                </a>
              ),
            })}
          </p>
        )}
        <noscript>
          <p className="mx-auto max-w-6xl px-4 py-8 text-sm sm:px-6">
            {t.rich('noScript', { url: documentUrl, link: (chunks) => <a href={documentUrl}>{chunks}</a> })}
          </p>
        </noscript>
        <div ref={mountPoint} data-testid="api-reference" />
      </main>
    </div>
  );
}
