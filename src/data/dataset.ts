// The bundled dataset, typed; it is validated at build time and in tests, so no schema code ships at runtime.
import raw from '../../assets/data/dataset.json';
import type { ShippedDataset } from './schema.js';

export const dataset = raw as ShippedDataset;
