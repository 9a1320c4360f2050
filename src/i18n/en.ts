// The English catalogue: the source of every key and of the key type that `t` checks. Each file
// of locales/en/ is one area of the interface and becomes the first part of its keys
// ("inspector.stance"). A new area is a new file here and in every other language's folder.
import common from './locales/en/common.json';
import shell from './locales/en/shell.json';
import importer from './locales/en/importer.json';
import reimport from './locales/en/reimport.json';
import exporter from './locales/en/exporter.json';
import crm from './locales/en/crm.json';
import brief from './locales/en/brief.json';
import a11y from './locales/en/a11y.json';
import canvas from './locales/en/canvas.json';
import edits from './locales/en/edits.json';
import insights from './locales/en/insights.json';
import inspector from './locales/en/inspector.json';
import legend from './locales/en/legend.json';
import presentation from './locales/en/presentation.json';
import actions from './locales/en/actions.json';
import dialogs from './locales/en/dialogs.json';
import help from './locales/en/help.json';
import home from './locales/en/home.json';
import quickEntry from './locales/en/quickEntry.json';
import quickEntryTags from './locales/en/quickEntryTags.json';
import storage from './locales/en/storage.json';
import toolbar from './locales/en/toolbar.json';
import team from './locales/en/team.json';
import restore from './locales/en/restore.json';
import files from './locales/en/files.json';

export const english = {
  common,
  shell,
  importer,
  reimport,
  exporter,
  crm,
  brief,
  a11y,
  canvas,
  edits,
  insights,
  inspector,
  legend,
  presentation,
  actions,
  dialogs,
  help,
  home,
  quickEntry,
  quickEntryTags,
  storage,
  toolbar,
  team,
  restore,
  files,
};

export type Catalogue = typeof english;
