export { outboxMessagesGET as GET } from '@/lib/sms';
