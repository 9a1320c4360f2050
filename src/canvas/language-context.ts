// The current language, handed to the canvas's many small components (each card, each line) by
// context. react-i18next's useTranslation subscribes every component that calls it to i18next's
// events when it mounts and unsubscribes it when it unmounts; a zoom mounts and unmounts hundreds of
// cards and lines (a profile of a zoom at 500 people: 10 ms in those subscriptions alone). The
// canvas reads the language once and re-renders them through this context when it changes; they
// translate with the i18n module's `t`, the same instance.
import { createContext, useContext } from 'react';

export const LanguageContext = createContext('en');

/** The language the canvas is drawn in; a component that reads it re-renders when it changes. */
export const useCanvasLanguage = () => useContext(LanguageContext);
