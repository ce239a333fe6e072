export { SERVICE_PRESETS, presetByKey, type ServicePreset } from './presets';
export { SCOPE_DELIMITERS, delimiterKey, invokeSchema, INVOKE_METHODS, type InvokeInput } from './schemas';
export { checkTarget, checkServiceUrl, LINK_NAME } from './urls';
export { listServices, getServiceDetails, redirectUrl, allowHttp as allowHttpForServices, type ServiceDto } from './services';
export { completeCallback, type CallbackOutcome } from './connect';
export { listConnections, getConnectionDetails, type ConnectionDto } from './manage';
export { invokeViaApi } from './invoke';
export type { InvokeResult } from './invoke-types';
export { BROWSER_COOKIE } from './cookie';
