// Types of relay.mjs for the TypeScript tests that start a relay in-process.
export const REFUSALS: { wrongSecret: string; noSecret: string; badName: string };
export interface RelayOptions {
  port: number;
  host: string;
  data: string;
  redis?: string | null;
}
export function parseArguments(argv: string[]): RelayOptions & { quiet: boolean };
export function startRelay(options: RelayOptions): Promise<{ port: number; stop(): Promise<void> }>;
