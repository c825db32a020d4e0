// The operator's holiday file (HOLIDAYS_FILE): a year's holidays and make-up working days by date,
// with the notice they come from. JSON or YAML; read once at start and validated, so a typo stops
// start-up with the file and the field named instead of silently shifting deadlines.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { HolidayOverride, OverrideYear } from './holidays.js';

export class HolidaysFileError extends Error {}

const dayEntry = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date'),
  name: z.string().trim().min(1),
});

const yearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** The notice, e.g. "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕…号）". */
    source: z.string().trim().min(1),
    /** true: the published schedule with its 调休; false: statutory days only (an estimate). */
    official: z.boolean(),
    holidays: z.array(dayEntry),
    workdays: z.array(dayEntry).default([]),
  })
  .strict()
  .superRefine((y, ctx) => {
    const seen = new Set<string>();
    for (const list of ['holidays', 'workdays'] as const) {
      y[list].forEach((d, i) => {
        if (!d.date.startsWith(`${y.year}-`)) ctx.addIssue({ code: 'custom', path: [list, i, 'date'], message: `not in ${y.year}` });
        if (seen.has(d.date)) ctx.addIssue({ code: 'custom', path: [list, i, 'date'], message: `${d.date} is listed twice` });
        seen.add(d.date);
      });
    }
  });

export const holidaysFileSchema = z
  .object({ years: z.array(yearSchema).min(1) })
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Set<number>();
    f.years.forEach((y, i) => {
      if (seen.has(y.year)) ctx.addIssue({ code: 'custom', path: ['years', i, 'year'], message: `${y.year} is listed twice` });
      seen.add(y.year);
    });
  });

export type HolidaysFile = z.infer<typeof holidaysFileSchema>;

/** Validates parsed file content; throws HolidaysFileError naming the file and every bad field. */
export function parseHolidays(data: unknown, file: string): HolidayOverride {
  const parsed = holidaysFileSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new HolidaysFileError(`HOLIDAYS_FILE ${file} is invalid:\n${lines.join('\n')}`);
  }
  const years = new Map<number, OverrideYear>();
  for (const y of parsed.data.years) {
    years.set(y.year, {
      year: y.year,
      source: y.source,
      official: y.official,
      holidays: new Map(y.holidays.map((d) => [d.date, d.name])),
      workdays: new Map(y.workdays.map((d) => [d.date, d.name])),
    });
  }
  return { file, years };
}

/** Reads a JSON (.json) or YAML (.yaml/.yml) holiday file. */
export function loadHolidaysFile(file: string): HolidayOverride {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new HolidaysFileError(`HOLIDAYS_FILE ${file} cannot be read: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = /\.ya?ml$/i.test(extname(file)) ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new HolidaysFileError(`HOLIDAYS_FILE ${file} is not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(e as Error).message}`);
  }
  return parseHolidays(data, file);
}
