// Ids for dataset occupations: the slug of the SOC title, so buttons and URLs stay readable
// ("Accountants and Auditors" -> accountants-and-auditors).
export function occupationId(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Case- and punctuation-blind key for joining datasets by title ("Accountants and auditors" = "Accountants and
 *  Auditors"). */
export function titleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
