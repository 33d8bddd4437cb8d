// Ant Design's Statistic groups thousands with "," whatever the language ("1,165"
// reads in Vietnamese as one point one six five): this one writes numbers in the
// interface language ("1.165" in Vietnamese).
import { Statistic, type StatisticProps } from 'antd';
import { useFormat } from './format';

export function NumberStatistic(props: StatisticProps) {
  const fmt = useFormat();
  return <Statistic formatter={fmt.statistic} {...props} />;
}
