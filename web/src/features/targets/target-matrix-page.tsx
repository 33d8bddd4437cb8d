// Who lags across targets (đơn vị chậm theo chỉ tiêu): units × targets with coloured
// status cells, the units missing most targets first, filtered by status, exported to XLSX.
import { Alert, App, Button, Card, Empty, List, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { MessageKey } from '../../../../common/i18n';
import { useI18n } from '../../app/i18n';
import { download } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { useIsPhone } from '../../lib/responsive';
import {
  defaultAsOf,
  TARGET_STATUSES,
  targetMatrixXlsxUrl,
  useDashboardPrograms,
  useTargetMatrix,
  type MatrixUnit,
  type TargetProgress,
  type TargetStatus,
} from './api';
import { STATUS_COLORS, useFormatValue } from './labels';
import './targets.css';

const collator = new Intl.Collator('vi');
/** Light backgrounds of the status colours (the XLSX uses the same, export-target-matrix.ts). */
const CELL_BACKGROUND: Record<TargetStatus, string> = {
  achieved: '#d9f7be',
  on_track: '#bae0ff',
  at_risk: '#ffe7ba',
  off_track: '#ffccc7',
  no_data: '#f0f0f0',
};

export function TargetMatrixPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const fmt = useFormat();
  const formatValue = useFormatValue();
  const [search, setSearch] = useSearchParams();
  const programs = useDashboardPrograms();
  const programId = search.get('programId') ?? undefined;
  const program = programs.items.find((p) => p.id === programId);
  const asOf = search.get('asOf') ?? defaultAsOf(program);
  const status = (search.get('status') as TargetStatus | null) ?? undefined;
  const params = { programId, asOf, status };
  const query = useTargetMatrix(params);
  const [exporting, setExporting] = useState(false);
  const targets = query.data?.targets ?? [];
  const units = query.data?.units ?? [];

  const setStatus = (next: TargetStatus | undefined) => {
    const p: Record<string, string> = {};
    if (programId) p.programId = programId;
    p.asOf = asOf;
    if (next) p.status = next;
    setSearch(p, { replace: true });
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await download(targetMatrixXlsxUrl(params), 'chi-tieu-don-vi.xlsx');
      message.success(t('targets.exportDone'));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };

  const gradeLabel = (grade: string) => {
    const key = `targets.grade.${grade}` as MessageKey;
    const label = t(key);
    return label === key ? grade : label;
  };
  const cellText = (u: MatrixUnit, target: TargetProgress) => {
    const c = u.cells.find((x) => x.targetId === target.targetId);
    if (!c) return null;
    const shown = c.grade ? gradeLabel(c.grade) : c.ownValue === null ? null : formatValue(c.ownValue, target.unitOfMeasure);
    const label = c.status ? t(`targets.status.${c.status}` as MessageKey) : t('targets.matrixNotJudged');
    return { c, shown, label };
  };
  const Cell = ({ u, target }: { u: MatrixUnit; target: TargetProgress }) => {
    const x = cellText(u, target);
    if (!x) return <span className="targets-muted">–</span>;
    return (
      <Tooltip title={`${x.label}${x.shown ? ` · ${x.shown}` : ''}`}>
        <span
          className="matrix-cell"
          data-testid="matrix-cell"
          data-status={x.c.status ?? 'none'}
          style={{
            background: x.c.status ? CELL_BACKGROUND[x.c.status] : undefined,
            border: x.c.status ? undefined : '1px dashed #d9d9d9',
          }}
        >
          {x.shown ?? x.label}
        </span>
      </Tooltip>
    );
  };

  const columns: ColumnsType<MatrixUnit> = [
    {
      title: t('targets.colUnit'),
      key: 'unit',
      fixed: 'left',
      width: 220,
      sorter: (a, b) => collator.compare(a.unitName, b.unitName),
      render: (_, u) => (
        <div>
          <div>{u.unitName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {u.unitCode}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('targets.matrixLagging'),
      dataIndex: 'lagging',
      width: 110,
      align: 'right',
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.lagging - b.lagging || a.noData - b.noData,
      render: (n: number) => (n > 0 ? <Tag color="red">{fmt.number(n)}</Tag> : fmt.number(n)),
    },
    {
      title: t('targets.matrixNoData'),
      dataIndex: 'noData',
      width: 100,
      align: 'right',
      sorter: (a, b) => a.noData - b.noData,
      render: (n: number) => fmt.number(n),
    },
    ...targets.map((target) => ({
      title: (
        <Tooltip title={target.text}>
          <span>
            {target.code ? `${t('targets.target')} ${target.code}` : target.text.slice(0, 24)}
            <Tag color={STATUS_COLORS[target.status].tag} style={{ marginInlineStart: 4 }}>
              {target.value === null ? '–' : formatValue(target.value, target.unitOfMeasure)}
            </Tag>
          </span>
        </Tooltip>
      ),
      key: target.targetId,
      width: 130,
      render: (_: unknown, u: MatrixUnit) => <Cell u={u} target={target} />,
    })),
  ];

  return (
    <div className="page targets-page">
      <Link to={`/targets${programId ? `?programId=${programId}` : ''}`}>
        <ArrowLeftOutlined /> {t('targets.back')}
      </Link>
      <div className="page-header" style={{ marginTop: 8 }}>
        <div>
          <Typography.Title level={3}>{t('targets.matrixTitle')}</Typography.Title>
          <Typography.Text type="secondary">
            {program ? `${program.title} · ${program.unitName} · ` : ''}
            {t('targets.asOfLabel', { date: formatDate(asOf) })}
          </Typography.Text>
        </div>
        <Button type="primary" icon={<DownloadOutlined />} loading={exporting} onClick={exportXlsx} disabled={!query.data}>
          {t('targets.exportXlsx')}
        </Button>
      </div>
      <div className="toolbar">
        <Select<TargetStatus | ''>
          aria-label={t('targets.matrixStatusFilter')}
          data-testid="matrix-status-filter"
          style={{ minWidth: 220 }}
          value={status ?? ''}
          onChange={(v) => setStatus(v || undefined)}
          options={[
            { value: '', label: t('targets.matrixAllStatuses') },
            ...TARGET_STATUSES.map((s) => ({ value: s, label: t(`targets.status.${s}` as MessageKey) })),
          ]}
        />
        <Space wrap size={4}>
          {TARGET_STATUSES.map((s) => (
            <span key={s} className="matrix-cell" style={{ background: CELL_BACKGROUND[s], minWidth: 0 }}>
              {t(`targets.status.${s}` as MessageKey)}
            </span>
          ))}
        </Space>
      </div>
      {query.isError && <Alert type="error" showIcon title={query.error.message} style={{ marginBottom: 16 }} />}
      {isPhone ? (
        <List
          loading={query.isLoading}
          dataSource={units}
          locale={{ emptyText: <Empty description={t('targets.matrixEmpty')} /> }}
          pagination={units.length > 20 ? { pageSize: 20, size: 'small' } : false}
          renderItem={(u) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="matrix-unit">
              <div className="breakdown-card-row">
                <Typography.Text strong>{u.unitName}</Typography.Text>
                {u.lagging > 0 && <Tag color="red">{`${t('targets.matrixLagging')}: ${fmt.number(u.lagging)}`}</Tag>}
              </div>
              <div className="matrix-chips">
                {targets.map((target) => {
                  const x = cellText(u, target);
                  if (!x) return null;
                  return (
                    <span
                      key={target.targetId}
                      className="matrix-cell"
                      data-testid="matrix-cell"
                      data-status={x.c.status ?? 'none'}
                      style={{ background: x.c.status ? CELL_BACKGROUND[x.c.status] : undefined, minWidth: 0 }}
                    >
                      {target.code ?? ''}: {x.shown ?? x.label}
                    </span>
                  );
                })}
              </div>
            </Card>
          )}
        />
      ) : (
        <Table<MatrixUnit>
          rowKey="unitId"
          size="small"
          loading={query.isLoading}
          dataSource={units}
          columns={columns}
          locale={{ emptyText: <Empty description={t('targets.matrixEmpty')} /> }}
          scroll={{ x: 430 + targets.length * 130 }}
          pagination={units.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          data-testid="matrix-table"
        />
      )}
    </div>
  );
}
