/** A rule's raw finding in one masked sentence, before stance, claimant and entities are settled. */
export interface RawTransfer {
  rule: string;
  /** Mention indexes (in the sentence) of the supplier and recipient slots. */
  sup: number[];
  rec: number[];
  items: string;
  /** Trigger span in masked-string offsets. */
  trig: [number, number];
  stance?: "asserted" | "hedged" | "denied" | undefined;
  kind?: string | undefined;
  supplierTypes?: string[] | undefined;
  supplierAsState?: boolean | undefined;
}
