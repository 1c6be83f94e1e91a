/** German plurals of the demo's table: one form for 1, another for every other count. */
export const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);
export const leads = (n: number): string => plural(n, '1 Lead', `${n} Leads`);
