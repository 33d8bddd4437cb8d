import { Alert, Button, Card, Empty, List, Select, Space, Table, Typography } from 'antd';
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LIMITS } from '../../../../common/limits';
import { useI18n } from '../../app/i18n';
import { useCan } from '../auth/use-me';
import { formatDate, thisYear as currentYear } from '../../lib/dates';
import { usePrograms, type ProgramSummary } from './api';
import { ProgramStatusTag } from './program-labels';
import './programs.css';
import { useIsPhone } from '../../lib/responsive';

const FIRST_YEAR = 2020;

export function ProgramListPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const canManage = useCan('writePrograms');
  const [search, setSearch] = useSearchParams();
  const year = search.get('year') ? Number(search.get('year')) : undefined;
  const [page, setPage] = useState(1);
  const pageSize = LIMITS.pageSizeDefault;
  const query = usePrograms({ year, page, pageSize });
  const thisYear = currentYear();
  const years = Array.from({ length: thisYear + 1 - FIRST_YEAR + 1 }, (_, i) => thisYear + 1 - i);

  const setYear = (value: number | undefined) => {
    setPage(1);
    setSearch(value ? { year: String(value) } : {}, { replace: true });
  };

  const empty = <Empty description={year ? t('programs.emptyYear', { year }) : t('programs.empty')} />;
  const items = query.data?.items ?? [];

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('programs.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('programs.subtitle')}</Typography.Text>
        </div>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/programs/new')}>
            {t('programs.newProgram')}
          </Button>
        )}
      </div>
      <div className="toolbar">
        <Select
          aria-label={t('programs.year')}
          style={{ minWidth: 180 }}
          value={year ?? 0}
          onChange={(v) => setYear(v || undefined)}
          options={[{ value: 0, label: t('programs.allYears') }, ...years.map((y) => ({ value: y, label: `${t('programs.year')} ${y}` }))]}
        />
      </div>
      {query.isError && (
        <Alert
          type="error"
          showIcon
          title={t('common.loadFailed')}
          description={query.error.message}
          action={<Button onClick={() => query.refetch()}>{t('common.retry')}</Button>}
          style={{ marginBottom: 16 }}
        />
      )}
      {isPhone ? (
        <List
          loading={query.isLoading}
          dataSource={items}
          locale={{ emptyText: empty }}
          pagination={
            (query.data?.total ?? 0) > pageSize
              ? { current: page, pageSize, total: query.data?.total ?? 0, onChange: setPage, size: 'small' }
              : false
          }
          renderItem={(p) => (
            <Card size="small" className="program-card" onClick={() => navigate(`/programs/${p.id}`)} hoverable>
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <ProgramStatusTag status={p.status} />
                  <Typography.Text type="secondary">{p.documentNumber}</Typography.Text>
                </Space>
                <Typography.Text strong>
                  {t(`programs.kind.${p.kind}`)} {p.title}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {p.unitName} · {p.issuedOn ? formatDate(p.issuedOn) : t('programs.notIssuedYet')}
                </Typography.Text>
              </Space>
            </Card>
          )}
        />
      ) : (
        <Table<ProgramSummary>
          rowKey="id"
          loading={query.isLoading}
          dataSource={items}
          locale={{ emptyText: empty }}
          scroll={{ x: 900 }}
          pagination={{
            current: page,
            pageSize,
            total: query.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { count: total }),
          }}
          onRow={(p) => ({ onClick: () => navigate(`/programs/${p.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('programs.year'), dataIndex: 'year', width: 80 },
            { title: t('programs.number'), dataIndex: 'documentNumber', width: 170 },
            {
              title: t('programs.documentTitle'),
              key: 'title',
              render: (_, p) => (
                <Link to={`/programs/${p.id}`} onClick={(e) => e.stopPropagation()}>
                  <FileTextOutlined /> {t(`programs.kind.${p.kind}`)} {p.title}
                </Link>
              ),
            },
            { title: t('programs.unit'), dataIndex: 'unitName', width: 220 },
            {
              title: t('programs.issuedOn'),
              dataIndex: 'issuedOn',
              width: 130,
              render: (v: string | null) => (v ? formatDate(v) : t('programs.notIssuedYet')),
            },
            { title: t('programs.status'), dataIndex: 'status', width: 140, render: (_, p) => <ProgramStatusTag status={p.status} /> },
          ]}
        />
      )}
    </div>
  );
}
