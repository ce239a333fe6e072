'use client';
import NextLink from 'next/link';
import { useState, type ComponentProps } from 'react';

/**
 * `next/link` that prefetches on intent: when a pointer (mouse, pen or finger) reaches the link or it gets keyboard
 * focus — not when it scrolls into view. A page shows up to a few dozen links (navigation, table rows, pagers, sort
 * headers); prefetching each one as it appeared sent a request per link and processed the answers on the main
 * thread while the page was still loading. Navigation after hovering stays instant. Use this instead of
 * `next/link` (lint enforces it).
 */
export function Link({ prefetch, onPointerEnter, onFocus, ...props }: ComponentProps<typeof NextLink>) {
  const [intent, setIntent] = useState(false);
  return (
    <NextLink
      {...props}
      // null: Next's own prefetching (on viewport and hover), from the moment the user shows intent
      prefetch={intent && prefetch !== false && (prefetch ?? null)}
      onPointerEnter={(e) => {
        setIntent(true);
        onPointerEnter?.(e);
      }}
      onFocus={(e) => {
        setIntent(true);
        onFocus?.(e);
      }}
    />
  );
}
