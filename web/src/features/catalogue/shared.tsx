// Pieces shared by the catalogue tabs: a table on desktop that becomes a
// list of cards on a phone, and the caller's right to add to the catalogue.
import { Alert, Button, Card, Drawer, Empty, Skeleton, Table, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { useDrawerSize, useIsPhone } from '../../lib/responsive';
import { useCan } from '../auth/use-me';

export { useIsPhone };

/** managePrograms roles may add to the catalogue and set targets (the server still checks scope). */
export const useCanManage = (): boolean => useCan('managePrograms');

/** The localized name of a catalogue row. */
export function useLocalName() {
  const { locale } = useI18n();
  return (row: { nameVi: string; nameEn: string }) => (locale === 'en' ? row.nameEn : row.nameVi);
}

/** The first column of a catalogue table: the name first, the code small and secondary below it. */
export function NameWithCode({ name, code }: { name: string; code: string | null }) {
  return (
    <div className="catalogue-name-cell">
      <div>{name}</div>
      {code && <code className="catalogue-code">{code}</code>}
    </div>
  );
}

interface ResponsiveListProps<T> {
  rows: T[] | undefined;
  loading: boolean;
  rowKey: (row: T) => string;
  columns: TableColumnsType<T>;
  /** The phone card of a row. */
  card: (row: T) => ReactNode;
  testId: string;
}

export function ResponsiveList<T extends object>({ rows, loading, rowKey, columns, card, testId }: ResponsiveListProps<T>) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  if (isPhone) {
    if (loading && !rows) return <Skeleton active />;
    if (!rows?.length) return <Empty description={t('catalogue.empty')} />;
    return (
      <div className="catalogue-cards" data-testid={testId}>
        {rows.map((row) => (
          <Card size="small" key={rowKey(row)} className="catalogue-card">
            {card(row)}
          </Card>
        ))}
      </div>
    );
  }
  return (
    <Table<T>
      data-testid={testId}
      size="middle"
      rowKey={rowKey}
      dataSource={rows}
      loading={loading}
      columns={columns}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      // Shrink to the screen (cells wrap) and scroll only what cannot wrap.
      scroll={{ x: true }}
      locale={{ emptyText: <Empty description={t('catalogue.empty')} /> }}
    />
  );
}

/** A label: value line inside a phone card. */
export function CardLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="catalogue-card-line">
      <span className="catalogue-muted">{label}</span>
      <span className="catalogue-card-value">{children}</span>
    </div>
  );
}

interface CreateDrawerProps {
  open: boolean;
  onClose: () => void;
  title: string;
  saving: boolean;
  /** Submits the drawer's form. */
  onSave: () => void;
  saveTestId: string;
  /** The general error banner (field errors sit on their fields). */
  error: string | null;
  children: ReactNode;
}

/** The "add to the catalogue" drawer: full width on phones, Save at the top, an error banner above the form. */
export function CreateDrawer({ open, onClose, title, saving, onSave, saveTestId, error, children }: CreateDrawerProps) {
  const { t } = useI18n();
  const size = useDrawerSize();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={size}
      title={title}
      extra={
        <Button type="primary" loading={saving} onClick={onSave} data-testid={saveTestId}>
          {t('catalogue.save')}
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {children}
    </Drawer>
  );
}

/**
 * The version a dialog sends as expectedVersion: the one the row had when the
 * dialog was opened on it; after a 409 (markStale) the newer one the list
 * brings back, while the form keeps what was typed. A refetch alone never
 * moves it, so a save over someone else's change is refused once.
 */
export function useExpectedVersion(row: { id: string; rowVersion: number } | null) {
  const [state, setState] = useState({ id: row?.id, version: row?.rowVersion, stale: false });
  // Adjusted while rendering (React's pattern for state that follows a prop), not in an effect.
  if (row?.id !== state.id) setState({ id: row?.id, version: row?.rowVersion, stale: false });
  else if (state.stale && row && state.version !== undefined && row.rowVersion > state.version)
    setState({ id: row.id, version: row.rowVersion, stale: false });
  return { version: state.version ?? row?.rowVersion ?? 1, markStale: () => setState((s) => ({ ...s, stale: true })) };
}
