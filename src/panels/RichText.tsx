// A translated message with a little markup: <kbd>, <code>, <em> and <strong> become those
// elements, so a translator moves a key or a code sample within the sentence as their language
// needs, and no sentence is glued together from pieces.
import { Fragment, type ReactNode } from 'react';

const TAGS = ['kbd', 'code', 'em', 'strong'] as const;
const MARKUP = /<(kbd|code|em|strong)>(.*?)<\/\1>/g;

/** The message's text with its marked parts as elements; everything else is plain text. */
export function richText(message: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of message.matchAll(MARKUP)) {
    const index = match.index ?? 0;
    if (index > at) parts.push(message.slice(at, index));
    const Tag = TAGS.find((tag) => tag === match[1]) ?? 'span';
    parts.push(<Tag key={index}>{match[2]}</Tag>);
    at = index + match[0].length;
  }
  if (at < message.length) parts.push(message.slice(at));
  return parts;
}

export function RichText({ message }: { message: string }) {
  return <Fragment>{richText(message)}</Fragment>;
}
