-- Webhook fan-out (issue 13): every platform event row is matched to the active, unexpired webhooks of its
-- object IN THE TRANSACTION THAT WRITES IT, so a committed change always has its deliveries queued (nothing
-- is lost between the outbox and the queue). A Group webhook gets its group's events; an Action webhook the
-- events that carry its action's id. Workers are woken with NOTIFY webhook_due (sent at commit).
CREATE OR REPLACE FUNCTION webhook_fanout() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE n integer;
BEGIN
  INSERT INTO webhook_deliveries (webhook_id, event_id)
  SELECT w.id, e.id FROM new_events e
    JOIN webhooks w ON w.active AND w.object_type = 'Group' AND w.object_id = e.group_id
  WHERE e.event_type = ANY (w.event_types) AND w.validity > now()
  UNION ALL
  SELECT w.id, e.id FROM new_events e
    JOIN webhooks w ON w.active AND w.object_type = 'Action' AND w.object_id::text = e.data->>'actionId'
  WHERE e.event_type = ANY (w.event_types) AND w.validity > now() AND e.data ? 'actionId'
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n > 0 THEN PERFORM pg_notify('webhook_due', ''); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER platform_events_webhook_fanout AFTER INSERT ON platform_events REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION webhook_fanout();
