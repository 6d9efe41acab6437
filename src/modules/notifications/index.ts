/** Public face of the notifications module: the team's notifications, made from domain events. */

export {
  inventoryAlertsConsumer,
  inventoryLink,
  inventoryNotificationKey,
} from './inventory-alerts.ts';
export {
  dismissNotification,
  listNotifications,
  markNotificationsSeen,
  type NewNotification,
  type Notification,
  openNotification,
  resolveNotification,
} from './notifications.ts';
export { notificationRoutes } from './routes.ts';
