/** General: ordinary events that belong to no module (also what imports land as); no records. */
import { defineModule, type ModuleDefinition } from '../define-module.js';
import { generalKinds } from './kinds.js';

export const generalModule: ModuleDefinition<'general'> = defineModule({
  module: 'general',
  label: 'General',
  colour: '#4b5563',
  kinds: generalKinds,
});
