// The rules of RFC 4287 that its RELAX NG schema states but jing does not enforce
// (they are Schematron assertions in atom.rnc), checked with xmllint's XPath.
import { execFileSync } from 'node:child_process';

const count = (file: string, xpath: string): number =>
  Number(execFileSync('xmllint', ['--xpath', `count(${xpath})`, file], { encoding: 'utf8' }).trim());

const A = (name: string) => `*[local-name()='${name}' and namespace-uri()='http://www.w3.org/2005/Atom']`;

export function atomRuleViolations(file: string): string[] {
  const problems: string[] = [];
  const feedHasAuthor = count(file, `/${A('feed')}/${A('author')}`) > 0;
  if (!feedHasAuthor && count(file, `//${A('entry')}[not(${A('author')})]`) > 0) {
    problems.push('an entry has no author and the feed has none');
  }
  if (count(file, `//${A('entry')}[not(${A('content')}) and not(${A('link')}[not(@rel) or @rel='alternate'])]`) > 0) {
    problems.push('an entry has neither content nor an alternate link');
  }
  if (count(file, `//${A('id')}[normalize-space(.)='']`) > 0) problems.push('an empty atom:id');
  if (count(file, `//${A('entry')}[count(${A('link')}[@rel='alternate' and @type='text/html']) > 1]`) > 0) {
    problems.push('an entry has two alternate links of the same type');
  }
  return problems;
}
