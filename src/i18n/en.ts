// The English catalogue: the source of every key and of the key type that `t` checks. Each file
// of locales/en/ is one area of the interface and becomes the first part of its keys
// ("inspector.stance"). A new area is a new file here and in every other language's folder.
import common from './locales/en/common.json';
import shell from './locales/en/shell.json';

export const english = {
  common,
  shell,
};

export type Catalogue = typeof english;
