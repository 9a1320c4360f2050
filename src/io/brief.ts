// The handover brief: what the account manager taking over needs on one document. Who decides, who
// is for us and against us, what is at risk, where the white space is, who left, who on our side
// covers whom. Built once as plain sentences (briefModel), then written as Markdown or as one
// printable, self-contained HTML page, so both formats always carry the same sections.
// User text is data: Markdown escapes it so it stays literal, HTML escapes every character that
// could open markup, and the HTML page has no scripts and no outside resources.
import { STANCE_LOOK } from '../drawing/appearance';
import { currentLanguage, formatDate, formatList, t } from '../i18n';
import {
  connectionsOf,
  daysSince,
  isDecider,
  keyPeople,
  ownerOf,
  risks as findRisks,
  summary as summarize,
  whiteSpace as findWhiteSpace,
  type Risk,
  type Severity,
} from '../domain/insights';
import type { AccountMap, Stakeholder, Stance } from '../domain/types';
import { MAP_FILE_EXTENSION, mapFileName } from './map-file';
import { escapeMarkup } from './markup-text';
import { printLayout, type BriefPicture } from './brief-pictures';

export interface BriefOptions {
  /** The day the brief is written; "days since last contact" count from it. */
  now: Date;
  /** Our side's name, e.g. "Acme account team"; printed under the title. */
  teamName?: string;
}

export interface BriefHtmlOptions extends BriefOptions {
  /** The map's pictures from briefPictures(); printed on landscape pages when given. */
  mapPictures?: BriefPicture[];
}

// ------------------------------------------------------------------ words


// Every word comes from the catalogue (brief.*) in the current language, read when the brief is
// written; stance and buying-role names are the shared ones (common.stance.*, common.role.*).

const LONG_DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/** "22 November 2026" ("22 noiembrie 2026", "22 листопада"…), in the reader's own calendar day. */
export function formatDay(date: Date): string {
  return formatDate(date, LONG_DAY);
}

/** An ISO date (YYYY-MM-DD) as "18 October 2026"; the text as written when it is not a date. */
function formatIsoDay(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return iso;
  return formatDate(date, { ...LONG_DAY, timeZone: 'UTC' });
}

/** Notes may hold line breaks; in a brief they read as one paragraph. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

// ------------------------------------------------------------------ the model both formats write

interface Fact {
  label: string;
  text: string;
}

interface PersonBlock {
  id: string;
  name: string;
  /** "CFO · Executive Board", or "Open seat · Executive Board". */
  subtitle: string;
  stance: Stance;
  facts: Fact[];
}

interface ListItem {
  /** Shown in bold. */
  lead: string;
  text: string;
}

interface BriefModel {
  title: string;
  date: string;
  teamName: string;
  summary: string[];
  deciders: PersonBlock[];
  champions: PersonBlock[];
  blockers: PersonBlock[];
  risks: Risk[];
  whiteSpace: ListItem[];
  competitors: ListItem[];
  left: ListItem[];
  team: ListItem[];
  teamNote: string;
}

function personBlock(map: AccountMap, person: Stakeholder, now: Date): PersonBlock {
  const department = person.departmentId ? map.departments[person.departmentId]?.name ?? '' : '';
  const subtitle = [person.placeholder ? t('brief.openSeat') : oneLine(person.title), department].filter(Boolean).join(' · ');
  const owner = ownerOf(map, person);
  const facts: Fact[] = [
    { label: t('brief.fact.roles'), text: person.roles.map((role) => t(`common.role.${role}`)).join(', ') || t('brief.noRoles') },
    { label: t('brief.fact.stance'), text: person.stance === 'unknown' ? t('brief.notAssessed') : t(`common.stance.${person.stance}`) },
    { label: t('brief.fact.influence'), text: person.influence ? t(`brief.level.${person.influence}`) : t('common.influence.notRated') },
    { label: t('brief.fact.relationship'), text: t(`brief.relationship.${person.relationship}`) },
    { label: t('brief.fact.owner'), text: owner ? t('brief.ownerWithRole', { name: owner.name, role: t(`brief.teamRole.${owner.role}`) }) : t('brief.noOwner') },
  ];
  if (person.placeholder) {
    facts.push({ label: t('brief.openSeat'), text: t('brief.openSeatText') });
  } else {
    const days = daysSince(person.lastContact, now);
    facts.push({
      label: t('brief.fact.lastContact'),
      text: person.lastContact
        ? days !== null && days >= 0
          ? t('brief.daysAgo', { date: formatIsoDay(person.lastContact), count: days })
          : formatIsoDay(person.lastContact)
        : t('brief.notRecorded'),
    });
  }
  if (oneLine(person.notes)) facts.push({ label: t('brief.fact.notes'), text: oneLine(person.notes) });
  if (oneLine(person.personalContext)) facts.push({ label: t('brief.fact.caresAbout'), text: oneLine(person.personalContext) });
  if (oneLine(person.source)) {
    const source = oneLine(person.source);
    facts.push({ label: t('brief.fact.howWeKnow'), text: person.verifiedOn ? t('brief.lastChecked', { source, date: formatIsoDay(person.verifiedOn) }) : source });
  }
  const links = connectionsOf(map, person.id);
  const said = (s: Stakeholder, label = '') => `${s.name}${label ? ` (${oneLine(label)})` : ''}`;
  const connections = [
    ...links.reportsTo.map((s) => t('brief.connection.reportsTo', { name: said(s) })),
    ...links.influences.map(({ stakeholder, label }) => t('brief.connection.influences', { name: said(stakeholder, label) })),
    ...links.influencedBy.map(({ stakeholder, label }) => t('brief.connection.influencedBy', { name: said(stakeholder, label) })),
    ...links.allies.map((s) => t('brief.connection.ally', { name: said(s) })),
    ...links.conflicts.map((s) => t('brief.connection.conflict', { name: said(s) })),
  ];
  if (connections.length) facts.push({ label: t('brief.fact.connections'), text: `${connections.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()) });
  return { id: person.id, name: oneLine(person.name) || t('brief.unnamedStakeholder'), subtitle, stance: person.stance, facts };
}

function briefModel(map: AccountMap, options: BriefOptions): BriefModel {
  const { now } = options;
  const people = keyPeople(map);
  const counts = summarize(map);
  const found = findRisks(map, now);
  const space = findWhiteSpace(map);

  const deciders = [...people.decisionMakers, ...people.economicBuyers.filter((s) => !people.decisionMakers.includes(s))];
  const stanceCounts = (Object.keys(counts.byStance) as Stance[])
    .filter((stance) => counts.byStance[stance] > 0)
    .map((stance) => t(`brief.stanceCount.${stance}`, { count: counts.byStance[stance] }));
  const bySeverity = (['high', 'medium', 'low'] as const)
    .map((severity) => ({ severity, count: found.filter((r) => r.severity === severity).length }))
    .filter(({ count }) => count > 0)
    .map(({ severity, count }) => t(`brief.severityCount.${severity}`, { count }));

  const summary = [
    counts.stakeholders ? t('brief.summary.people', { count: counts.stakeholders, stances: formatList(stanceCounts) }) : t('brief.summary.nobody'),
    counts.deciders.total
      ? t('brief.summary.deciders', { covered: counts.deciders.covered, count: counts.deciders.total })
      : t('brief.summary.noDeciders'),
    ...(counts.openSeats ? [t('brief.summary.openSeats', { count: counts.openSeats })] : []),
    ...(counts.leftCompany ? [t('brief.summary.left', { count: counts.leftCompany })] : []),
    found.length ? t('brief.summary.risks', { count: found.length, severities: formatList(bySeverity) }) : t('brief.empty.risks'),
    t('brief.summary.space', { whiteSpace: space.whiteSpace.length, competitors: space.competitors.length }),
  ];

  const peopleThere = (list: Stakeholder[]) =>
    list.length
      ? t('brief.peopleThere', { names: list.map((s) => (s.placeholder ? t('brief.openSeatName', { name: oneLine(s.name) }) : oneLine(s.name))).join(', ') })
      : t('brief.nobodyThere');
  const sentences = (...parts: string[]) => parts.filter(Boolean).join(' ');
  const whiteSpace = space.whiteSpace.map((entry) => ({
    lead: entry.path.map(oneLine).join(' › '),
    text: sentences(
      entry.potentialValue ? t('brief.potentialValue', { value: oneLine(entry.potentialValue) }) : t('brief.noValue'),
      oneLine(entry.department.notes),
      peopleThere(entry.people),
    ),
  }));
  const competitors = space.competitors.map((entry) => ({
    lead: entry.path.map(oneLine).join(' › '),
    text: sentences(
      entry.competitor ? t('brief.heldBy', { competitor: oneLine(entry.competitor) }) : t('brief.heldByUnnamed'),
      oneLine(entry.department.notes),
      peopleThere(entry.people),
    ),
  }));

  const left = people.leftCompany.map(({ stakeholder, leftTo, successor }) => {
    const wasFor = stakeholder.stance === 'champion' || stakeholder.stance === 'supporter';
    const successorTitle = successor ? oneLine(successor.title) : '';
    const sentences = [
      stakeholder.stance !== 'unknown' ? t(`brief.was.${stakeholder.stance}`) : '',
      leftTo ? t(wasFor ? 'brief.nowAtLead' : 'brief.nowAt', { company: oneLine(leftTo) }) : t('brief.whereUnknown'),
      successor
        ? successorTitle
          ? t('brief.successorTitled', { name: oneLine(successor.name), title: successorTitle })
          : t('brief.successor', { name: oneLine(successor.name) })
        : t('brief.noSuccessor'),
      oneLine(stakeholder.notes),
    ];
    return {
      lead: [oneLine(stakeholder.name), oneLine(stakeholder.title)].filter(Boolean).join(', '),
      text: sentences.filter(Boolean).join(' '),
    };
  });

  const current = Object.values(map.stakeholders).filter((s) => !s.leftCompany && !s.placeholder);
  const team = Object.values(map.team)
    .sort((a, b) => a.name.localeCompare(b.name, currentLanguage(), { sensitivity: 'base' }))
    .map((member) => {
      const owned = current.filter((s) => s.ownerId === member.id).sort((a, b) => Number(isDecider(b)) - Number(isDecider(a)) || a.name.localeCompare(b.name, currentLanguage()));
      const role = t(`brief.teamRole.${member.role}`);
      return {
        lead: oneLine(member.name) || t('brief.unnamedMember'),
        text: owned.length ? t('brief.owns', { role, names: formatList(owned.map((s) => oneLine(s.name))) }) : t('brief.ownsNobody', { role }),
      };
    });
  const unowned = current.filter((s) => !ownerOf(map, s)).length;

  return {
    title: oneLine(map.name) || t('brief.untitled'),
    date: formatDay(now),
    teamName: oneLine(options.teamName ?? ''),
    summary,
    deciders: deciders.map((s) => personBlock(map, s, now)),
    champions: people.champions.map((s) => personBlock(map, s, now)),
    blockers: people.blockers.map((s) => personBlock(map, s, now)),
    risks: found,
    whiteSpace,
    competitors,
    left,
    team,
    teamNote: unowned ? t('brief.unowned', { count: unowned }) : t('brief.everyoneOwned'),
  };
}

type EmptySection = 'deciders' | 'champions' | 'blockers' | 'risks' | 'whiteSpace' | 'competitors' | 'left' | 'team';

/** What a section says when it has nothing to list. */
const empty = (section: EmptySection) => t(`brief.empty.${section}`);

/** The section headings, in the order both formats print them. */
const heading = (key: 'summary' | 'deciders' | 'champions' | 'blockers' | 'risks' | 'space' | 'whiteSpace' | 'competitors' | 'left' | 'team') =>
  t(`brief.heading.${key}`);

// ------------------------------------------------------------------ Markdown

/**
 * User text as literal Markdown: every character that can start emphasis, a link or image, code,
 * raw HTML, a table cell, strikethrough or a heading's closing sequence gets a backslash, and so
 * does an `&` that would start an entity. Line breaks become spaces first, so user text can never
 * start a block (a list, a heading) of its own.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

function markdownPerson(person: PersonBlock): string {
  const heading = `### ${escapeMarkdown(person.name)}${person.subtitle ? ` — ${escapeMarkdown(person.subtitle)}` : ''}`;
  const facts = person.facts.map((fact) => `- **${fact.label}:** ${escapeMarkdown(fact.text)}`);
  return [heading, '', ...facts].join('\n');
}

function markdownPeople(people: PersonBlock[], empty: string): string {
  return people.length ? people.map(markdownPerson).join('\n\n') : empty;
}

function markdownList(items: ListItem[], empty: string): string {
  return items.length ? items.map((item) => `- **${escapeMarkdown(item.lead)}:** ${escapeMarkdown(item.text)}`).join('\n') : empty;
}

/** The brief as Markdown, for a CRM note, a wiki page or an e-mail. */
export function briefMarkdown(map: AccountMap, options: BriefOptions): string {
  const brief = briefModel(map, options);
  const byline = brief.teamName ? t('brief.preparedBy', { team: escapeMarkdown(brief.teamName) }) : t('brief.preparedFor');
  const risks = brief.risks.length
    ? brief.risks.map((risk) => `- **${t(`brief.level.${risk.severity}`)}:** ${escapeMarkdown(risk.message)}`).join('\n')
    : empty('risks');
  return [
    `# ${t('brief.documentTitle', { title: escapeMarkdown(brief.title), date: brief.date })}`,
    byline,
    `## ${heading('summary')}`,
    brief.summary.map((line) => `- ${escapeMarkdown(line)}`).join('\n'),
    `## ${heading('deciders')}`,
    markdownPeople(brief.deciders, empty('deciders')),
    `## ${heading('champions')}`,
    markdownPeople(brief.champions, empty('champions')),
    `## ${heading('blockers')}`,
    markdownPeople(brief.blockers, empty('blockers')),
    `## ${heading('risks')}`,
    risks,
    `## ${heading('space')}`,
    `### ${heading('whiteSpace')}`,
    markdownList(brief.whiteSpace, empty('whiteSpace')),
    `### ${heading('competitors')}`,
    markdownList(brief.competitors, empty('competitors')),
    `## ${heading('left')}`,
    markdownList(brief.left, empty('left')),
    `## ${brief.teamName ? t('brief.heading.teamNamed', { team: escapeMarkdown(brief.teamName) }) : heading('team')}`,
    brief.team.length ? `${markdownList(brief.team, '')}\n\n${escapeMarkdown(brief.teamNote)}` : empty('team'),
  ].join('\n\n') + '\n';
}

// ------------------------------------------------------------------ HTML

export const escapeHtml = escapeMarkup;

/** UTF-8 safe base64, without Node's Buffer, so it runs in the browser as in tests. */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const SEVERITY_COLOR: Record<Severity, string> = { high: '#b91c1c', medium: '#b45309', low: '#475569' };

const STYLE = `
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 182mm; padding: 12mm 0; font: 10.5pt/1.45 'Noto Sans', 'Segoe UI', system-ui, sans-serif; color: #0f172a; background: #fff; }
h1 { font-size: 20pt; margin: 0 0 2pt; }
h2 { font-size: 13.5pt; margin: 16pt 0 6pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #cbd5e1; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 8pt 0 3pt; break-after: avoid; page-break-after: avoid; }
p, ul { margin: 0 0 6pt; }
ul { padding-left: 16pt; }
li { margin: 0 0 3pt; break-inside: avoid; page-break-inside: avoid; }
.byline { color: #475569; margin-bottom: 8pt; }
.subtitle { font-weight: 400; color: #475569; }
.person { border: 0.75pt solid #cbd5e1; border-left-width: 4pt; border-radius: 3pt; padding: 5pt 8pt; margin: 0 0 6pt; break-inside: avoid; page-break-inside: avoid; }
.person h3 { margin-top: 0; display: flex; gap: 6pt; align-items: baseline; flex-wrap: wrap; }
.stance { font-size: 8.5pt; font-weight: 600; border-radius: 8pt; padding: 0 6pt; white-space: nowrap; }
dl { display: grid; grid-template-columns: 9.5em 1fr; gap: 1pt 8pt; margin: 0; }
dt { color: #475569; }
dd { margin: 0; }
.severity { display: inline-block; min-width: 4.2em; font-size: 8.5pt; font-weight: 700; text-transform: uppercase; }
.empty { color: #475569; font-style: italic; }
@page map { size: A4 landscape; margin: 12mm; }
.map-pages { page: map; }
.map-pages h2 { margin-top: 0; }
figure { margin: 0 0 6mm; break-inside: avoid; page-break-inside: avoid; }
figure.list-runs-on { break-inside: auto; page-break-inside: auto; }
.map-crop { break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 9pt; font-weight: 600; color: #475569; margin-bottom: 2pt; break-after: avoid; page-break-after: avoid; }
.map-crop { overflow: hidden; border: 0.75pt solid #e2e8f0; }
.map-crop img { display: block; max-width: none; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
.away { font-size: 8.5pt; line-height: 1.35; color: #334155; margin-top: 2mm; }
.away p { font-weight: 600; margin: 0 0 1pt; }
.away ul { margin: 0; padding-left: 12pt; columns: 2; column-gap: 10mm; }
.away li { margin: 0; break-inside: avoid; }
@media screen { body { padding: 12mm 16px; } .map-crop { width: var(--screen-crop) !important; height: auto !important; aspect-ratio: var(--screen-ratio); }
  .map-crop img { width: var(--screen-width) !important; height: auto !important; aspect-ratio: var(--screen-ratio); margin-left: var(--screen-left) !important; margin-top: var(--screen-top) !important; } }
`.trim();

function htmlPerson(person: PersonBlock): string {
  const look = STANCE_LOOK[person.stance];
  const facts = person.facts.map((fact) => `<dt>${escapeHtml(fact.label)}</dt><dd>${escapeHtml(fact.text)}</dd>`).join('');
  return (
    `<article class="person" style="border-left-color:${look.color}">` +
    `<h3>${escapeHtml(person.name)}${person.subtitle ? ` <span class="subtitle">${escapeHtml(person.subtitle)}</span>` : ''}` +
    ` <span class="stance" style="background:${look.color};color:${look.ink}">${escapeHtml(`${look.icon} ${t(`common.stance.${person.stance}`)}`)}</span></h3>` +
    `<dl>${facts}</dl></article>`
  );
}

const htmlEmpty = (text: string) => `<p class="empty">${escapeHtml(text)}</p>`;

function htmlPeople(people: PersonBlock[], empty: string): string {
  return people.length ? people.map(htmlPerson).join('\n') : htmlEmpty(empty);
}

function htmlList(items: ListItem[], empty: string): string {
  return items.length
    ? `<ul>${items.map((item) => `<li><strong>${escapeHtml(item.lead)}:</strong> ${escapeHtml(item.text)}</li>`).join('')}</ul>`
    : htmlEmpty(empty);
}

const mm = (value: number) => `${Math.round(value * 100) / 100}mm`;

/** The lines from a picture to people in other departments, in words under it (printLayout keeps room for them on its page). */
function htmlAway(picture: BriefPicture): string {
  if (!picture.away?.length) return '';
  const items = picture.away.map((line) => `<li>${escapeHtml(t(line.label ? 'brief.awayLineLabelled' : 'brief.awayLine', { ...line }))}</li>`);
  return `<div class="away"><p>${escapeHtml(t('brief.awayHeading'))}</p><ul>${items.join('')}</ul></div>`;
}

/**
 * One picture of the map, on landscape pages at a size where its smallest text prints at 7 pt or
 * more (printLayout): whole, or in page-sized parts, each a window onto the same image. On screen
 * every map picture is drawn at one scale: `widest` (the widest part of any of them, in picture
 * pixels) takes the page's width, at most one screen pixel per picture pixel.
 */
function htmlPicture(picture: BriefPicture, account: string, widest: number): string {
  const { scale, parts, listOnPage } = printLayout(picture);
  const source = `data:image/svg+xml;base64,${base64(picture.svg)}`;
  const alt = picture.legend ? t('brief.legendAlt') : t('brief.mapAlt', { account, title: picture.title });
  return parts
    .map((part, index) => {
      const caption = parts.length > 1 ? t('brief.partOf', { title: picture.title, part: index + 1, parts: parts.length }) : picture.title;
      // Printed at its size in mm; on a narrower screen (the --screen-* values, in % of the
      // window onto the picture) the same window shrinks to the page's width instead.
      const pct = (value: number) => `${Math.round((value / part.width) * 100_000) / 1000}%`;
      const onScreen = `--screen-width:${pct(picture.width)};--screen-left:${pct(-part.x)};--screen-top:${pct(-part.y)};--screen-ratio:${picture.width} / ${picture.height}`;
      const cropOnScreen = `--screen-crop:min(${part.width}px, ${(part.width / (picture.legend ? part.width : widest)) * 100}%);--screen-ratio:${part.width} / ${part.height}`;
      const image = `<img src="${source}" alt="${escapeHtml(parts.length > 1 ? t('brief.altPart', { alt, part: index + 1 }) : alt)}" style="width:${mm(picture.width * scale)};height:${mm(picture.height * scale)};margin-left:${mm(-part.x * scale)};margin-top:${mm(-part.y * scale)};${onScreen}">`;
      const away = index === parts.length - 1 ? htmlAway(picture) : '';
      // The list stays on the picture's page where printLayout kept room for it; else it runs on.
      return `<figure${away && !listOnPage ? ' class="list-runs-on"' : ''}><figcaption>${escapeHtml(caption)}</figcaption><div class="map-crop" style="width:${mm(part.width * scale)};height:${mm(part.height * scale)};${cropOnScreen}">${image}</div>${away}</figure>`;
    })
    .join('\n');
}

/** The widest part of any map picture, in picture pixels: the on-screen scale of them all. */
const widestPart = (pictures: readonly BriefPicture[]) => Math.max(1, ...pictures.filter((p) => !p.legend).flatMap((p) => printLayout(p).parts.map((part) => part.width)));

function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${escapeHtml(title)}</h2>\n${body}</section>`;
}

/**
 * The brief as one printable HTML page: inline styles, A4 print rules, no scripts, no outside
 * resources (a Content-Security-Policy says so too), so "Save as PDF" gives a clean document.
 * The map goes in as an <img> with a data: URL rather than inline SVG: its styles, fonts and ids
 * stay inside the picture, and an image never runs anything.
 */
export function briefHtml(map: AccountMap, options: BriefHtmlOptions): string {
  const brief = briefModel(map, options);
  const title = t('brief.documentTitle', { title: brief.title, date: brief.date });
  const risks = brief.risks.length
    ? `<ul class="risks">${brief.risks
        .map((risk) => `<li><span class="severity" style="color:${SEVERITY_COLOR[risk.severity]}">${escapeHtml(t(`brief.level.${risk.severity}`))}</span> ${escapeHtml(risk.message)}</li>`)
        .join('')}</ul>`
    : htmlEmpty(empty('risks'));
  const pictures = options.mapPictures ?? [];
  const mapFigure = pictures.length
    ? `<section id="map" class="map-pages"><h2>${escapeHtml(t('brief.heading.map', { date: brief.date }))}</h2>\n${pictures.map((picture) => htmlPicture(picture, brief.title, widestPart(pictures))).join('\n')}</section>`
    : '';
  const byline = brief.teamName ? t('brief.bylineTeam', { date: brief.date, team: brief.teamName }) : t('brief.byline', { date: brief.date });
  const body = [
    `<header><h1>${escapeHtml(brief.title)}</h1><p class="byline">${escapeHtml(byline)}</p></header>`,
    section('summary', heading('summary'), `<ul>${brief.summary.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`),
    mapFigure,
    section('decision-makers', heading('deciders'), htmlPeople(brief.deciders, empty('deciders'))),
    section('champions', heading('champions'), htmlPeople(brief.champions, empty('champions'))),
    section('blockers', heading('blockers'), htmlPeople(brief.blockers, empty('blockers'))),
    section('risks', heading('risks'), risks),
    section(
      'white-space',
      heading('space'),
      `<h3>${escapeHtml(heading('whiteSpace'))}</h3>${htmlList(brief.whiteSpace, empty('whiteSpace'))}<h3>${escapeHtml(heading('competitors'))}</h3>${htmlList(brief.competitors, empty('competitors'))}`,
    ),
    section('left', heading('left'), htmlList(brief.left, empty('left'))),
    section(
      'team',
      brief.teamName ? t('brief.heading.teamNamed', { team: brief.teamName }) : heading('team'),
      brief.team.length ? `${htmlList(brief.team, '')}<p>${escapeHtml(brief.teamNote)}</p>` : htmlEmpty(empty('team')),
    ),
  ].filter(Boolean);
  return `<!DOCTYPE html>
<html lang="${currentLanguage()}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

// ------------------------------------------------------------------ file name

/**
 * "nordwind-logistics-ag-brief.md", with the same safe slug as the map file; with `now`, the day
 * goes in too ("...-brief-2026-11-22.html") so successive briefs sort and do not overwrite.
 */
export function briefFileName(map: Pick<AccountMap, 'name'>, extension: string, now?: Date): string {
  const slug = mapFileName(map).slice(0, -MAP_FILE_EXTENSION.length);
  const day = now
    ? `-${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
    : '';
  return `${slug}-brief${day}.${extension.replace(/^\.+/, '') || 'txt'}`;
}
