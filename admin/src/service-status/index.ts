export { ServiceStatusBanner } from './service-status-banner';
