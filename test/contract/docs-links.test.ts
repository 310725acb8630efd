// A fresh clone has only itself: every link in the README, CONTRIBUTING and docs/ must resolve
// inside the repository (file and heading), and nothing may point outside it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOCS = path.join(ROOT, 'docs');
const pages = ['README.md', 'CONTRIBUTING.md', ...readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
function anchorsOf(markdown: string): Set<string> {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
  return new Set([...withoutCode.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) =>
    (m[1] as string).trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-')));
}

function linksOf(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string);
}

describe('documentation links', () => {
  it('finds the pages a newcomer reads', () => {
    for (const page of ['docs/architecture.md', 'docs/domain.md', 'docs/api.md', 'docs/operations.md', 'docs/privacy.md', 'LICENSE']) {
      expect(existsSync(path.join(ROOT, page)), page).toBe(true);
    }
  });

  it.each(pages)('%s links only to files and headings inside the repository', (page) => {
    const text = readFileSync(path.join(ROOT, page), 'utf8');
    expect(text).not.toMatch(/\.\.\/shared|\/work\//);
    const broken: string[] = [];
    for (const link of linksOf(text)) {
      if (/^https?:\/\//.test(link)) continue;
      const [file, anchor] = link.split('#') as [string, string | undefined];
      const target = file === '' ? path.join(ROOT, page) : path.resolve(path.dirname(path.join(ROOT, page)), file);
      if (!target.startsWith(ROOT) || !existsSync(target)) {
        broken.push(link);
        continue;
      }
      if (anchor !== undefined && !anchorsOf(readFileSync(target, 'utf8')).has(anchor)) broken.push(link);
    }
    expect(broken).toEqual([]);
  });
});
