export { listGroupMessages, postGroupMessage, toMessageDto, PORTAL_PAGE_SIZE } from './service';
export { decodeMessageCursor, encodeMessageCursor } from './cursor';
export { messageText, charCount, MESSAGE_MAX_CHARS, postMessageSchema, type MessageDto, type MessagePage, type PostMessageInput } from './schemas';
