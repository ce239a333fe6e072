'use client';
import { SendHorizontal } from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
import { useState, useTransition, type KeyboardEvent } from 'react';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { postMessageAction } from '@/lib/messages/actions';
import { charCount, MESSAGE_MAX_CHARS } from '@/lib/messages/limits';
import type { MessageDto } from '@/lib/messages/schemas';
import { cn } from '@/lib/utils';

/**
 * The Send box: Enter sends, Shift+Enter adds a line. Nothing is cut: a text over 4000 characters stays in
 * the box and the server's field error says why (the counter turns red first).
 */
export function SendMessageForm({ groupId, onSent }: { groupId: string; onSent: (m: MessageDto) => void }) {
  const t = useTranslations('messages.send');
  const format = useFormatter();
  const [text, setText] = useState('');
  const [error, setError] = useState<string[] | undefined>();
  const [pending, start] = useTransition();
  const count = charCount(text);

  const send = () =>
    start(async () => {
      const res = await postMessageAction({ groupId, text });
      if (res.ok) {
        setText('');
        setError(undefined);
        onSent(res.data);
      } else if (res.fieldErrors?.text) {
        setError(res.fieldErrors.text);
      } else {
        toast.error(res.message);
      }
    });

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      if (!pending) send();
    }
  };

  return (
    <form
      noValidate
      method="post"
      className="grid gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <Field id="message-text" label={t('label')} hint={t('hint')} errors={error}>
        {(aria) => (
          <Textarea
            {...aria}
            name="text"
            rows={2}
            value={text}
            placeholder={t('placeholder')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
            className="resize-y"
          />
        )}
      </Field>
      <div className="flex items-center justify-between gap-3">
        <span aria-live="polite" className={cn('text-xs tabular-nums', count > MESSAGE_MAX_CHARS ? 'font-medium text-destructive' : 'text-muted-foreground')}>
          {t('count', { count: format.number(count), max: format.number(MESSAGE_MAX_CHARS) })}
        </span>
        <Button type="submit" disabled={pending}>
          <SendHorizontal aria-hidden />
          {pending ? t('sending') : t('send')}
        </Button>
      </div>
    </form>
  );
}
