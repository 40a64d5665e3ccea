import { createElement } from 'react';
import Collapse from '@mui/material/Collapse';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Menu, MenuItemLink, useCanAccessResources, useResourceDefinitions, useSidebarState, useStore, useTranslate } from 'react-admin';
import { menuSections, type MenuEntry, type MenuSection } from './menuSections';

const resourceOf = (entry: MenuEntry) => (entry.kind === 'resource' ? entry.name : entry.resource);

/** The entries of a section the current user can open (registered resources they may list, allowed pages). */
function useVisibleEntries(section: MenuSection): MenuEntry[] {
  const definitions = useResourceDefinitions();
  const candidates = section.entries.filter((entry) => entry.kind === 'page' || definitions[entry.name]);
  const { canAccess, isPending } = useCanAccessResources({
    action: 'list',
    resources: candidates.map(resourceOf),
  });
  if (isPending || !canAccess) return [];
  return candidates.filter((entry) => canAccess[resourceOf(entry)]);
}

const MenuEntryItem = ({ entry }: { entry: MenuEntry }) => {
  const translate = useTranslate();
  if (entry.kind === 'resource') return <Menu.ResourceItem name={entry.name} />;
  return <MenuItemLink to={entry.to} primaryText={translate(entry.label)} leftIcon={createElement(entry.icon)} state={{ _scrollToTop: true }} />;
};

const MenuSectionItems = ({ section }: { section: MenuSection }) => {
  const translate = useTranslate();
  const [sidebarOpen] = useSidebarState();
  const [expanded, setExpanded] = useStore(`chance.menu.${section.key}.expanded`, true);
  const entries = useVisibleEntries(section);
  if (entries.length === 0) return null;

  const items = entries.map((entry) => <MenuEntryItem key={resourceOf(entry)} entry={entry} />);
  // A collapsed sidebar shows icons only: no section headers.
  if (!sidebarOpen) return <>{items}</>;

  const label = translate(section.label);
  return (
    <List disablePadding component="div" aria-label={label} data-menu-section={section.key}>
      <ListItemButton dense onClick={() => setExpanded(!expanded)} aria-expanded={expanded}>
        <ListItemIcon sx={{ minWidth: 40 }}>{createElement(section.icon, { fontSize: 'small' } as object)}</ListItemIcon>
        <ListItemText primary={label} slotProps={{ primary: { variant: 'overline', color: 'text.secondary', sx: { lineHeight: 2 } } }} />
        {expanded ? <ExpandLessIcon fontSize="small" /> : <ExpandMoreIcon fontSize="small" />}
      </ListItemButton>
      <Collapse in={expanded} timeout="auto" unmountOnExit>
        <List disablePadding component="div" sx={{ pl: 1 }}>
          {items}
        </List>
      </Collapse>
    </List>
  );
};

export const AppMenu = () => (
  <Menu>
    <Menu.DashboardItem />
    {menuSections.map((section) => (
      <MenuSectionItems key={section.key} section={section} />
    ))}
  </Menu>
);
