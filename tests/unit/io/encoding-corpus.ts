// Short contact lists as Excel users in Poland, Romania, Greece, Russia, Germany and France save them:
// a header in their language and two to five people, encoded in their Windows code page. Generated
// from a fixed seed, so the figures in csv-encoding.test.ts are the same on every run.

import { decodeCsvBytes } from '../../../src/io/csv-import/decode';

export interface CorpusLanguage {
  language: string;
  codePage: 'windows-1250' | 'windows-1251' | 'windows-1252' | 'windows-1253';
  header: string;
  first: string[];
  last: string[];
  titles: string[];
  departments: string[];
}

export const LANGUAGES: CorpusLanguage[] = [
  {
    language: 'Polish',
    codePage: 'windows-1250',
    header: 'Imię;Nazwisko;Stanowisko;Dział;Przełożony',
    first: ['Łukasz', 'Małgorzata', 'Paweł', 'Józef', 'Agnieszka', 'Krzysztof', 'Zofia', 'Michał', 'Anna', 'Piotr', 'Grzegorz', 'Bożena', 'Ewa', 'Tomasz', 'Jan'],
    last: ['Wiśniewski', 'Wróbel', 'Kowalczyk', 'Zieliński', 'Szymańska', 'Woźniak', 'Dąbrowski', 'Kamińska', 'Lewandowski', 'Nowak', 'Mazur', 'Król', 'Pawłowski', 'Górecka', 'Sikora'],
    titles: ['Dyrektor finansowy', 'Kierownik zakupów', 'Prezes zarządu', 'Główny księgowy', 'Specjalista ds. logistyki', 'Kierownik działu IT', 'Członek zarządu', 'Analityk'],
    departments: ['Finanse', 'Zakupy', 'Zarząd', 'Księgowość', 'Logistyka', 'IT', 'Sprzedaż'],
  },
  {
    language: 'Romanian',
    codePage: 'windows-1250',
    header: 'Prenume;Nume;Funcţie;Departament;Manager',
    first: ['Ştefan', 'Ioana', 'Mihai', 'Andreea', 'Răzvan', 'Cristina', 'Ion', 'Elena', 'Bogdan', 'Alexandru', 'Maria', 'Tudor', 'Raluca', 'Dan'],
    last: ['Popescu', 'Ionescu', 'Mureşan', 'Ţurcanu', 'Dumitrescu', 'Stănescu', 'Constantinescu', 'Bălan', 'Georgescu', 'Niţă', 'Radu', 'Moldovan', 'Şerban', 'Lungu'],
    titles: ['Director general', 'Director financiar', 'Şef departament achiziţii', 'Manager vânzări', 'Contabil şef', 'Inginer', 'Consilier juridic'],
    departments: ['Achiziţii', 'Financiar', 'Vânzări', 'Producţie', 'Juridic', 'Resurse umane', 'IT'],
  },
  {
    language: 'Greek',
    codePage: 'windows-1253',
    header: 'Όνομα;Επώνυμο;Τίτλος;Τμήμα;Προϊστάμενος',
    first: ['Γιώργος', 'Μαρία', 'Νίκος', 'Ελένη', 'Δημήτρης', 'Κατερίνα', 'Κώστας', 'Σοφία', 'Γιάννης', 'Αθηνά', 'Παναγιώτης', 'Βασιλική'],
    last: ['Παπαδόπουλος', 'Οικονόμου', 'Γεωργίου', 'Νικολάου', 'Παπαδημητρίου', 'Ιωάννου', 'Βασιλείου', 'Αντωνίου', 'Καραγιάννη', 'Μακρή', 'Χριστοδούλου'],
    titles: ['Οικονομικός Διευθυντής', 'Διευθύνων Σύμβουλος', 'Υπεύθυνος Προμηθειών', 'Προϊστάμενος Λογιστηρίου', 'Μηχανικός', 'Νομικός Σύμβουλος'],
    departments: ['Οικονομικό', 'Προμήθειες', 'Πωλήσεις', 'Λογιστήριο', 'Πληροφορική', 'Διοίκηση'],
  },
  {
    language: 'Russian',
    codePage: 'windows-1251',
    header: 'Имя;Фамилия;Должность;Отдел;Руководитель',
    first: ['Александр', 'Елена', 'Сергей', 'Ольга', 'Дмитрий', 'Татьяна', 'Андрей', 'Наталья', 'Игорь', 'Юлия', 'Михаил', 'Светлана', 'Павел'],
    last: ['Иванов', 'Смирнова', 'Кузнецов', 'Попова', 'Соколов', 'Лебедева', 'Козлов', 'Новикова', 'Морозов', 'Волкова', 'Фёдоров', 'Шевченко'],
    titles: ['Финансовый директор', 'Генеральный директор', 'Начальник отдела закупок', 'Главный бухгалтер', 'Инженер', 'Юрист', 'Менеджер по продажам'],
    departments: ['Финансы', 'Закупки', 'Продажи', 'Бухгалтерия', 'ИТ', 'Юридический отдел', 'Производство'],
  },
  {
    language: 'German',
    codePage: 'windows-1252',
    header: 'Vorname;Nachname;Position;Abteilung;Vorgesetzter',
    first: ['Jürgen', 'Käthe', 'Björn', 'Sören', 'Ute', 'Klaus', 'Hans', 'Anja', 'Günter', 'Maximilian', 'Frieda', 'Lena'],
    last: ['Müller', 'Schäfer', 'Weiß', 'Groß', 'Köhler', 'Becker', 'Hoffmann', 'Schröder', 'Krüger', 'Wagner', 'Fuß', 'Bauer'],
    titles: ['Geschäftsführer', 'Leiter Einkauf', 'Finanzvorstand', 'Prokurist', 'Sachbearbeiterin', 'Leiterin Qualitätssicherung'],
    departments: ['Einkauf', 'Geschäftsführung', 'Finanzen', 'Qualitätssicherung', 'Vertrieb', 'Personal'],
  },
  {
    language: 'French',
    codePage: 'windows-1252',
    header: 'Prénom;Nom;Fonction;Service;Responsable',
    first: ['Hélène', 'François', 'Amélie', 'Jérôme', 'Céline', 'Noël', 'Loïc', 'Mathéo', 'Chloé', 'Benoît', 'Élodie', 'Pierre'],
    last: ['Lefèvre', 'Dubois', 'Gaillard', 'Bréchet', 'Mercier', 'Rousseau', 'Faure', 'Lemaître', 'Girard', 'Garçon', 'Béranger'],
    titles: ['Directeur financier', 'Responsable des achats', 'Président-directeur général', 'Ingénieur qualité', 'Contrôleur de gestion', 'Directrice générale déléguée'],
    departments: ['Achats', 'Finances', 'Direction générale', 'Qualité', 'Ressources humaines', 'Systèmes d’information'],
  },
];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` CSV texts of 2–5 rows each for a language. */
export function sampleCsvs(language: CorpusLanguage, count: number, seed = 1): string[] {
  const next = random(seed);
  const pick = (list: string[]) => list[Math.floor(next() * list.length)];
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const rows = [language.header];
    const people = 2 + Math.floor(next() * 4);
    for (let p = 0; p < people; p++) {
      const manager = p === 0 ? '' : `${pick(language.first)} ${pick(language.last)}`;
      rows.push([pick(language.first), pick(language.last), pick(language.titles), pick(language.departments), manager].join(';'));
    }
    out.push(`${rows.join('\r\n')}\r\n`);
  }
  return out;
}

/** Encodes text in a Windows code page, by inverting the importer's (TextDecoder's) table of that page. */
export function encode(text: string, codePage: CorpusLanguage['codePage']): Uint8Array {
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) {
    const char = decodeCsvBytes(new Uint8Array([byte]), codePage);
    if (char !== '\uFFFD' && !table.has(char)) table.set(char, byte);
  }
  return Uint8Array.from([...text].map((char) => {
    const byte = table.get(char);
    if (byte === undefined) throw new Error(`“${char}” is not in ${codePage}`);
    return byte;
  }));
}
