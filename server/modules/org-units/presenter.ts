import type { z } from 'zod';
import type { GrassrootsSector, OrgUnitKind, OrgUnitLinkKind } from '../../../common/enums.js';
import type { OrgUnitDetail, OrgUnitListResponse, OrgUnitNode } from './schemas.js';
import type { OrgUnitDetailModel, OrgUnitRow } from './tree-queries.js';
import type { OrgUnitListModel } from './list-org-units.js';

type Node = z.infer<typeof OrgUnitNode>;
type Detail = z.infer<typeof OrgUnitDetail>;

export function presentOrgUnitNode(
  unit: Omit<OrgUnitRow, 'createdAt' | 'updatedAt' | 'rowVersion' | 'updatedBy'>,
  parentId: string | null,
): Node {
  return {
    id: unit.id,
    code: unit.code,
    fullName: unit.fullName,
    shortName: unit.shortName,
    kind: unit.kind as OrgUnitKind,
    sector: (unit.sector as GrassrootsSector | null) ?? null,
    address: unit.address ?? null,
    foundingDecision: unit.foundingDecision ?? null,
    initialMemberCount: unit.initialMemberCount ?? null,
    validFrom: unit.validFrom,
    validTo: unit.validTo ?? null,
    parentId,
  };
}

export function presentOrgUnitList(model: OrgUnitListModel): z.infer<typeof OrgUnitListResponse> {
  return {
    asOf: model.asOf,
    items: model.items.map((i) => presentOrgUnitNode(i.unit, i.parentId)),
    matchIds: model.matchIds,
  };
}

export function presentOrgUnitDetail(model: OrgUnitDetailModel & { canManage?: boolean }): Detail {
  return {
    ...(model.canManage === undefined ? {} : { canManage: model.canManage }),
    ...presentOrgUnitNode(model.unit, model.parentId),
    rowVersion: model.unit.rowVersion,
    parents: model.parents,
    links: model.links.map((l) => ({ ...l, kind: l.kind as OrgUnitLinkKind })),
    children: model.children.map((c) => ({ ...c, kind: c.kind as OrgUnitKind })),
    departures: model.departures,
  };
}
