import type { MetadataRoute } from 'next';

/** An organization's admin portal is nobody's search result: crawlers are asked to stay out everywhere. */
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: '*', disallow: '/' } };
}
