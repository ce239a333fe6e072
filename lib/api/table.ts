import type { Route } from './route';
import { actionRoutes } from './routes/actions';
import { botRoutes } from './routes/bots';
import { connectionRoutes } from './routes/connections';
import { groupRoutes } from './routes/groups';
import { mediaRoutes } from './routes/media';
import { memberRoutes } from './routes/members';
import { messageRoutes } from './routes/messages';
import { packageRoutes } from './routes/packages';
import { reactionRoutes } from './routes/reactions';
import { serviceRoutes } from './routes/service';
import { subGroupRoutes } from './routes/subgroups';
import { tokenRoutes } from './routes/token';
import { userRoutes } from './routes/users';
import { webhookRoutes } from './routes/webhooks';

/** Every `/v1` route, one file per resource under routes/ (product.md §12: one route table is the truth). */
export const ROUTES: readonly Route[] = [
  ...serviceRoutes(() => ROUTES),
  ...tokenRoutes,
  ...groupRoutes,
  ...subGroupRoutes,
  ...memberRoutes,
  ...messageRoutes,
  ...actionRoutes,
  ...packageRoutes,
  ...mediaRoutes,
  ...botRoutes,
  ...reactionRoutes,
  ...userRoutes,
  ...webhookRoutes,
  ...connectionRoutes,
];
