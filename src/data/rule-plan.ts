// The matching rules of the bundled dataset, as a plan (`RulePlan`). In the extension's bundles
// build.mjs replaces this module with the plan it made at build time, so no frame spells out,
// anchors or groups the terms again; in tests it is made here, from the same dataset.
import raw from '../../assets/data/dataset.json';
import { planRules, type RulePlan } from '../core/rules.js';
import type { Dataset } from './schema.js';

export const rulePlan: RulePlan = planRules((raw as Dataset).topics);
