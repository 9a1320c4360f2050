// No sentence a user reads may be written into a component: it would stay English in every
// language. Finds text between JSX tags, the text attributes people read (aria-label, title,
// placeholder, alt…), string literals shown as JSX children, and literal messages passed to
// notify/announce. Names of products and file formats are the same in every language.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../../src');

/** Components not yet moved to the catalogues. The list only shrinks: a file on it with nothing left to translate fails. */
const NOT_YET_TRANSLATED = new Set<string>([
  'app/BackupAndStorage.tsx',
  'app/FileImport.tsx',
  'app/HomeView.tsx',
  'app/MapView.tsx',
  'app/RestoreBackup.tsx',
  'app/SnapshotView.tsx',
  'app/StorageSection.tsx',
  'app/UpdateNotice.tsx',
  'canvas/Canvas.tsx',
  'canvas/ComparisonBar.tsx',
  'canvas/EmptyMapHint.tsx',
  'canvas/FocusBar.tsx',
  'canvas/MapOverview.tsx',
  'canvas/WalkCaption.tsx',
  'canvas/edges/LinksLayer.tsx',
  'canvas/edges/LostLine.tsx',
  'canvas/edges/SuccessorLine.tsx',
  'canvas/nodes/DepartmentFrame.tsx',
  'canvas/nodes/QuickTags.tsx',
  'canvas/nodes/RemovedCard.tsx',
  'canvas/nodes/StakeholderCard.tsx',
  'panels/BriefDialog.tsx',
  'panels/CommandBox.tsx',
  'panels/CrmExportFields.tsx',
  'panels/CsvImportDialog.tsx',
  'panels/ExportDialog.tsx',
  'panels/HelpOverlay.tsx',
  'panels/InsightsPanel.tsx',
  'panels/Inspector.tsx',
  'panels/InspectorDepartment.tsx',
  'panels/InspectorLink.tsx',
  'panels/InspectorStakeholder.tsx',
  'panels/Legend.tsx',
  'panels/NoIdWarning.tsx',
  'panels/Notices.tsx',
  'panels/PromptDialog.tsx',
  'panels/ReimportReview.tsx',
  'panels/SaveStatus.tsx',
  'panels/SnapshotsSection.tsx',
  'panels/TeamEditor.tsx',
  'panels/Toolbar.tsx',
]);

const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder']);
const MESSAGE_CALLS = new Set(['notify', 'announce', 'confirm', 'alert']);
/** Words that are not English but names: the product, file formats, CRMs, keys. */
const SAME_IN_EVERY_LANGUAGE = /^(Powermap|PNG|SVG|PDF|CSV|JSON|CRM|PPTX|PowerPoint|Salesforce|HubSpot|Dynamics|Excel|A3|A4|OK|Ctrl|Cmd|Shift|Alt|Esc|Enter|Tab|ID|URL)$/;

/** Does this text contain a word a translator would have to translate? */
function hasWords(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}'’-]+/gu) ?? [];
  return words.some((word) => !SAME_IN_EVERY_LANGUAGE.test(word));
}

function componentFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return componentFiles(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  return null;
}

/** String literals an expression can evaluate to: through ?:, ?? and ||, and parentheses. */
function literalsOf(node: ts.Expression): string[] {
  const text = literalText(node);
  if (text !== null) return [text];
  if (ts.isParenthesizedExpression(node)) return literalsOf(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalsOf(node.whenTrue), ...literalsOf(node.whenFalse)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(node.operatorToken.kind)) {
    return [...literalsOf(node.left), ...literalsOf(node.right)];
  }
  return [];
}

export function englishLiterals(path: string, source = readFileSync(path, 'utf8')): string[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    if (hasWords(text)) found.push(`${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim().replace(/\s+/g, ' ').slice(0, 60)}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) report(node, node.initializer.text);
      else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) for (const text of literalsOf(node.initializer.expression)) report(node, text);
    } else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const text of literalsOf(node.expression)) report(node, text);
    } else if (ts.isCallExpression(node)) {
      const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : ts.isIdentifier(node.expression) ? node.expression.text : '';
      if (MESSAGE_CALLS.has(callee) && node.arguments[0]) for (const text of literalsOf(node.arguments[0])) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('components', () => {
  it('finds the English a component would show (the check itself)', () => {
    const sample = `export const A = ({ n }) => <p title="Open map" aria-label={n ? 'One' : 'Many'}>Hello there {n > 1 ? 'people' : ''} <b>{t('x')}</b> ⤢ PNG</p>;\nnotify('Map deleted');`;
    expect(englishLiterals('sample.tsx', sample).map((line) => line.replace(/^\d+: /, ''))).toEqual(['Open map', 'One', 'Many', 'Hello there', 'people', 'Map deleted']);
  });

  it('write no English of their own', () => {
    const left: Record<string, string[]> = {};
    for (const path of componentFiles(SRC)) {
      const name = relative(SRC, path);
      const literals = englishLiterals(path);
      if (NOT_YET_TRANSLATED.has(name)) {
        if (literals.length === 0) left[name] = ['is translated now: take it off NOT_YET_TRANSLATED'];
      } else if (literals.length) left[name] = literals;
    }
    expect(left).toEqual({});
  });
});
