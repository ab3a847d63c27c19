import type { Notification, NotificationInput } from '../core/notification.js'
import type { Executor } from '../storage/database.js'
import { insertNotification } from '../storage/repos/notification-repo.js'
import type { ServiceContext } from './service-context.js'
import { emitWebhookEvent } from './webhook-events.js'

/**
 * Records a message owed to a person and, unless they opted out, asks the platform to deliver
 * it (webhook `notification.requested`), all in the caller's transaction. An opted-out message
 * is still recorded, as `suppressed`, so the record shows it was owed and why it was not sent.
 */
export async function notify(
  tx: Executor,
  ctx: Pick<ServiceContext, 'jobs' | 'clock'>,
  input: NotificationInput,
): Promise<Notification> {
  const { followUp, ...fields } = input
  const notification: Notification = {
    ...fields,
    id: crypto.randomUUID(),
    status: followUp ? 'queued' : 'suppressed',
    createdAt: ctx.clock.now(),
  }
  await insertNotification(tx, notification)
  if (followUp) {
    await emitWebhookEvent(tx, ctx.jobs, notification.createdAt, 'notification.requested', {
      notification: { ...notification, createdAt: notification.createdAt.toISOString() },
    })
  }
  return notification
}
