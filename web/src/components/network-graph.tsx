/**
 * The entity's neighbourhood as a drawing: suppliers on the left, recipients on the
 * right, the entity in the middle; each edge coloured by the relation's credibility
 * and drawn thicker with more independent sources. A column layout, not a force
 * simulation, so the picture is the same on every visit and edges never hide nodes.
 */
import type { RelationRow } from "../api.ts";
import { href } from "../router.ts";
import { CREDIBILITY_LABELS } from "../../../src/domain/admiralty.ts";
import { CREDIBILITY_COLOURS } from "./grades.tsx";

const WIDTH = 760;
const ROW = 34;
const MAX_SIDE = 14;

export function NetworkGraph({ name, suppliers, recipients }: { name: string; suppliers: RelationRow[]; recipients: RelationRow[] }) {
  const left = suppliers.slice(0, MAX_SIDE);
  const right = recipients.slice(0, MAX_SIDE);
  const rows = Math.max(left.length, right.length, 1);
  const height = rows * ROW + 40;
  const cx = WIDTH / 2;
  const cy = height / 2;
  const y = (i: number, n: number) => cy + (i - (n - 1) / 2) * ROW;
  const edge = (r: RelationRow, x: number, yy: number, toCentre: boolean) => {
    const colour = CREDIBILITY_COLOURS[r.credibility];
    const [x1, y1, x2, y2] = toCentre ? [x, yy, cx - 110, cy] : [cx + 110, cy, x, yy];
    const mid = (x1 + x2) / 2;
    return (
      <a key={`${r.supplierId}>${r.recipientId}`} href={href.relation(r.supplierId, r.recipientId)}>
        <path
          d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`}
          fill="none"
          stroke={colour}
          strokeWidth={1.5 + Math.min(r.independentSources, 5)}
          strokeDasharray={r.denyingDocuments.length > 0 ? "6 4" : undefined}
          markerEnd="url(#arrow)"
        >
          <title>{`${r.supplier.name} → ${r.recipient.name}: credibility ${r.credibility} (${CREDIBILITY_LABELS[r.credibility]}), ${r.independentSources} independent source(s)`}</title>
        </path>
      </a>
    );
  };
  const node = (label: string, x: number, yy: number, anchor: "start" | "end" | "middle", id: number | null) => {
    const max = id === null ? 26 : 24;
    const text = label.length > max ? `${label.slice(0, max - 1)}…` : label;
    const body = (
      <text x={x} y={yy + 4} textAnchor={anchor} className={id === null ? "graph-centre" : "graph-node"}>
        {text}
      </text>
    );
    return id === null ? body : <a key={`n${id}-${x}`} href={href.entity(id)}>{body}</a>;
  };
  return (
    <svg className="network" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`suppliers and recipients of ${name}`} data-testid="network-graph">
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="#555" />
        </marker>
      </defs>
      <text x={10} y={16} className="graph-heading">suppliers</text>
      <text x={WIDTH - 10} y={16} textAnchor="end" className="graph-heading">recipients</text>
      {left.map((r, i) => edge(r, 180, y(i, left.length), true))}
      {right.map((r, i) => edge(r, WIDTH - 180, y(i, right.length), false))}
      {left.map((r, i) => node(r.supplier.name, 172, y(i, left.length), "end", r.supplierId))}
      {right.map((r, i) => node(r.recipient.name, WIDTH - 172, y(i, right.length), "start", r.recipientId))}
      <rect x={cx - 110} y={cy - 16} width={220} height={32} rx={6} className="graph-centre-box" />
      {node(name, cx, cy, "middle", null)}
    </svg>
  );
}
