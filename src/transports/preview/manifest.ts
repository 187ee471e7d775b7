// What the preview needs from manifest.yml, read from the file itself so the page offers exactly what a Slack
// admin installs: the message shortcuts' names, the Workflow Builder steps with their inputs and outputs (the
// step's form, and the check of its outputs that Slack makes on functions.completeSuccess), and whether the
// assistant view is on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../../catalog/paths.js';

interface FunctionParameter {
  name: string;
  type: string;
  title: string;
  description?: string;
  hint?: string;
  is_required?: boolean;
}

export interface StepDefinition {
  callbackId: string;
  title: string;
  description: string;
  inputs: FunctionParameter[];
  outputs: FunctionParameter[];
}

export interface ManifestFeatures {
  shortcuts: { name: string; callbackId: string; description: string }[];
  steps: StepDefinition[];
  assistant: boolean;
}

interface RawManifest {
  features?: {
    shortcuts?: { name: string; type: string; callback_id: string; description: string }[];
    assistant_view?: unknown;
  };
  functions?: Record<
    string,
    {
      title: string;
      description?: string;
      input_parameters?: Record<string, Omit<FunctionParameter, 'name'> & { name?: string }>;
      output_parameters?: Record<string, Omit<FunctionParameter, 'name'> & { name?: string }>;
    }
  >;
}

const parameters = (raw: Record<string, Omit<FunctionParameter, 'name'> & { name?: string }> = {}) =>
  Object.entries(raw).map(([name, p]) => ({ ...p, name: p.name ?? name }));

export function readManifest(path = join(projectRoot, 'manifest.yml')): ManifestFeatures {
  const raw = parse(readFileSync(path, 'utf8')) as RawManifest;
  return {
    shortcuts: (raw.features?.shortcuts ?? [])
      .filter((s) => s.type === 'message')
      .map((s) => ({ name: s.name, callbackId: s.callback_id, description: s.description })),
    steps: Object.entries(raw.functions ?? {}).map(([callbackId, f]) => ({
      callbackId,
      title: f.title,
      description: f.description ?? '',
      inputs: parameters(f.input_parameters),
      outputs: parameters(f.output_parameters),
    })),
    assistant: raw.features?.assistant_view !== undefined,
  };
}

/** Why `outputs` do not fit the step's output parameters, as Slack's parameter_validation_failed says; null
 *  when they do. */
export function outputProblems(step: StepDefinition, outputs: unknown): string | null {
  if (typeof outputs !== 'object' || outputs === null || Array.isArray(outputs)) return 'outputs is not an object';
  const given = outputs as Record<string, unknown>;
  const problems: string[] = [];
  for (const p of step.outputs) {
    const value = given[p.name];
    if (value === undefined || value === null) {
      if (p.is_required) problems.push(`${p.name} is required`);
    } else if (!fits(p.type, value)) problems.push(`${p.name} must be ${p.type}`);
  }
  for (const name of Object.keys(given))
    if (!step.outputs.some((p) => p.name === name)) problems.push(`${name} is not an output of ${step.callbackId}`);
  return problems.length ? problems.join('; ') : null;
}

function fits(type: string, value: unknown): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      // string and Slack's id types (slack#/types/channel_id, user_id …) are strings.
      return typeof value === 'string';
  }
}
