import 'server-only';
import { headers } from 'next/headers';

import { CLIENT_IP_HEADER } from './header';

export { CLIENT_IP_HEADER };

export async function clientIp(): Promise<string | null> {
  const h = await headers();
  return h.get(CLIENT_IP_HEADER);
}
