export { NotificationBell } from './notification-bell';
export type { AppNotification } from './types';
