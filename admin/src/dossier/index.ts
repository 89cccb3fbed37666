export { DossierTab } from './dossier-tab';
