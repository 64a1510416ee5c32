// What every view gives the poller.

export interface View {
  /** Page title. */
  title: string;
  /** Fetches and redraws; called at once and then every few seconds. */
  refresh(): Promise<void>;
}
