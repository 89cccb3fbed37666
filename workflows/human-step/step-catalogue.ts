// A process's step catalogue (环节目录): every step declared once, as data — its key, names,
// role, form, decisions, return targets, default reminder and escalation chain, the steps that
// follow it (for the diagram), and how its occurrence keys are formed. Workflows run steps from
// it, the API serves it as the diagram, the console and the progress tables name and count
// occurrences by it. Pure data: no Temporal imports, so the console may import it too.
import type { z } from 'zod';
import type { Role } from '../../db/schema.js';
import type { FormRegistry } from './forms.js';
import type { Decision, Deadline, EscalationHop, Offset } from './types.js';

interface StepBase {
  /** The family key: the diagram's node and the task key of a step that occurs once. */
  key: string;
  /** Shown to people (Chinese), and in the console in English. */
  name: string;
  nameEn: string;
  /** Who acts, for the diagram; null for what the process does by itself (ranking, notice …). */
  role: Role | null;
  /** The paths a run can take from here (the diagram's edges). */
  next: readonly string[];
}

/** What a catalogue entry says of a human step; `form` names a schema of the process's forms. */
export interface HumanStepInput<F extends string = string> extends StepBase {
  form: F;
  decisions: readonly Decision[];
  /** Steps this one may send the work back to (退回). */
  returnTo?: readonly string[];
  /** When the deadline is the same for every start; otherwise the workflow passes it. */
  deadline?: Deadline;
  remindBefore: Offset;
  /** Counted from the deadline, each hop one level further up: village → township → county. */
  escalate: readonly EscalationHop[];
  /**
   * What the step escalated to before chains of several hops (patch `escalation-chains`):
   * runs recorded before it replay with these, so their timers stay as they were.
   */
  legacyEscalate: readonly EscalationHop[];
  /**
   * A step that occurs more than once in a run gets a key per occurrence: this prefix and a
   * number (`exchange.m` → `exchange.m3`, `objection.o` → `objection.o2`).
   */
  occurrence?: string;
}

/** A node of the diagram that no one acts on (排名, 公示, 结束 …). */
export type MilestoneInput = StepBase & { form?: undefined };

type EntryInput<F extends string> = HumanStepInput<F> | MilestoneInput;

/** A human step as the engine runs it: the entry with its form's zod schema. */
export interface HumanStepDefinition<S extends z.ZodType = z.ZodType> extends HumanStepInput {
  kind: 'human';
  schema: S;
}

export interface MilestoneDefinition extends MilestoneInput {
  kind: 'milestone';
}

export type StepDefinitionOf<Forms extends FormRegistry, E> = E extends { form: infer F extends keyof Forms }
  ? HumanStepDefinition<Forms[F]>
  : MilestoneDefinition;

export type StepCatalogue<Forms extends FormRegistry, Entries extends Record<string, EntryInput<string>>> = {
  readonly [K in keyof Entries]: StepDefinitionOf<Forms, Entries[K]>;
};

export type AnyStepDefinition = HumanStepDefinition | MilestoneDefinition;

/** The form data a step's outcome carries, typed by its schema. */
export type FormOf<D> = D extends HumanStepDefinition<infer S> ? z.infer<S> : never;

/**
 * Declares a process's steps once. Names in code are camelCase (`proposalApproval`); `key` is
 * the step key stored on tasks and acted on through the API, unchanged.
 */
export function defineSteps<
  Forms extends FormRegistry,
  const Entries extends Record<string, EntryInput<keyof Forms & string>>,
>(forms: Forms, entries: Entries): StepCatalogue<Forms, Entries> {
  const keys = new Set<string>();
  const out: Record<string, AnyStepDefinition> = {};
  for (const [name, entry] of Object.entries(entries) as [string, EntryInput<string>][]) {
    if (keys.has(entry.key)) throw new Error(`step key ${entry.key} declared twice`);
    keys.add(entry.key);
    if (entry.form === undefined) {
      out[name] = { ...entry, kind: 'milestone' };
      continue;
    }
    if (!Object.hasOwn(forms, entry.form)) throw new Error(`step ${entry.key}: no form ${entry.form}`);
    // Read when asked for, not now: the form's schema is built on its first read (see `formsOf`).
    const form = entry.form;
    out[name] = Object.defineProperty({ ...entry, kind: 'human' }, 'schema', {
      enumerable: true,
      get: () => forms[form],
    }) as AnyStepDefinition;
  }
  for (const step of Object.values(out)) {
    for (const target of [...step.next, ...(step.kind === 'human' ? (step.returnTo ?? []) : [])]) {
      if (!keys.has(target)) throw new Error(`step ${step.key} leads to unknown step ${target}`);
    }
  }
  return out as StepCatalogue<Forms, Entries>;
}

/** The entries in declaration order, the diagram's order. */
export function stepsOf(catalogue: Record<string, AnyStepDefinition>): AnyStepDefinition[] {
  return Object.values(catalogue);
}

/** The key of one occurrence of a step: `exchange.m3`; a step that occurs once keeps its key. */
export function occurrenceKey(step: AnyStepDefinition, suffix?: number | string): string {
  if (suffix === undefined) return step.key;
  if (step.kind !== 'human' || !step.occurrence) throw new Error(`step ${step.key} occurs once`);
  return `${step.occurrence}${suffix}`;
}

/** What deciding a family needs of a step: the catalogue's entries, or the API's view of them. */
export interface StepKeys {
  key: string;
  occurrence?: string | null;
}

/**
 * The family (catalogue key) of an occurrence key: `objection.o2` → `objection.answer`,
 * `exchange.m3` → `exchange`. The one place this is decided; undefined when no step matches.
 */
export function familyOf(steps: readonly StepKeys[], key: string): string | undefined {
  for (const step of steps) {
    if (step.key === key) return step.key;
    const prefix = step.occurrence;
    if (prefix && key.startsWith(prefix) && /^\d+$/.test(key.slice(prefix.length))) return step.key;
  }
  return undefined;
}

/** The catalogue as the API serves it for diagrams and names: plain JSON. */
export interface StepView {
  key: string;
  name: string;
  nameEn: string;
  role: string | null;
  next: string[];
  form: string | null;
  decisions: string[];
  returnTo: string[];
  occurrence: string | null;
  remindBefore: Offset | null;
  escalate: EscalationHop[];
}

export function stepViews(catalogue: Record<string, AnyStepDefinition>): StepView[] {
  return stepsOf(catalogue).map((s) => ({
    key: s.key,
    name: s.name,
    nameEn: s.nameEn,
    role: s.role,
    next: [...s.next],
    form: s.kind === 'human' ? s.form : null,
    decisions: s.kind === 'human' ? [...s.decisions] : [],
    returnTo: s.kind === 'human' ? [...(s.returnTo ?? [])] : [],
    occurrence: s.kind === 'human' ? (s.occurrence ?? null) : null,
    remindBefore: s.kind === 'human' ? s.remindBefore : null,
    escalate: s.kind === 'human' ? s.escalate.map((h) => ({ ...h })) : [],
  }));
}
