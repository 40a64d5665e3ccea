export { AppLayout } from './AppLayout';
export { AppMenu } from './AppMenu';
export { menuSections, type MenuSection, type MenuEntry } from './menuSections';
