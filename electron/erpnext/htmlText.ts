export interface TextWithLinks {
  text: string;
  links: { text: string; href: string }[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (whole, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower in ENTITIES) return ENTITIES[lower]!;
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return whole;
  });
}

/**
 * ERPNext messages carry HTML (<strong>, <a href>, <br>, <details>). For display we keep the words and
 * the link texts, and return the link targets separately so a UI can still offer them.
 */
export function htmlToText(html: string): TextWithLinks {
  const links: TextWithLinks['links'] = [];
  const withLinks = html.replace(/<a\b[^>]*?href\s*=\s*(["'])(.*?)\1[^>]*>([\s\S]*?)<\/a>/gi, (_, _q, href: string, inner: string) => {
    const text = decodeEntities(inner.replace(/<[^>]*>/g, '')).trim();
    links.push({ text, href: decodeEntities(href) });
    return text;
  });
  const text = withLinks
    .replace(/<\/summary>/gi, ': ')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{2,}/g, '\n');
  return { text: decodeEntities(text).trim(), links };
}
