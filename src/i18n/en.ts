// The English catalogue: the source of every key and of the key type that `t` checks. Each file
// of locales/en/ is one area of the interface and becomes the first part of its keys
// ("inspector.stance"). A new area is a new file here and in every other language's folder.
import common from './locales/en/common.json';
import shell from './locales/en/shell.json';
import actions from './locales/en/actions.json';
import dialogs from './locales/en/dialogs.json';
import help from './locales/en/help.json';
import home from './locales/en/home.json';
import quickEntry from './locales/en/quickEntry.json';
import quickEntryTags from './locales/en/quickEntryTags.json';
import storage from './locales/en/storage.json';
import toolbar from './locales/en/toolbar.json';

export const english = {
  common,
  shell,
  actions,
  dialogs,
  help,
  home,
  quickEntry,
  quickEntryTags,
  storage,
  toolbar,
};

export type Catalogue = typeof english;
