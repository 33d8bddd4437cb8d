// The report of a unit for a period (from the dashboard's breakdown: "the
// report that gave this figure"): opens its review page, or says it was not started.
import { Button, Result, Skeleton } from 'antd';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { usePeriodUnitReport } from './review-api';

export function ReviewByPeriodUnit() {
  const { periodId, unitId } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = usePeriodUnitReport(periodId, unitId);
  if (query.isLoading) return <Skeleton active />;
  if (query.data?.id) return <Navigate replace to={`/reports/${query.data.id}/review`} />;
  return (
    <Result
      status={query.isError ? '403' : 'info'}
      title={query.isError ? t('reportReview.notFound') : t('reportReview.notStarted')}
      extra={<Button onClick={() => navigate(-1)}>{t('reportReview.back')}</Button>}
    />
  );
}
