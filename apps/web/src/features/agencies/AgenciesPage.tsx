import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Input,
  Row,
  Space,
  Table,
  Tag,
  Tree,
  Typography,
} from 'antd';
import { EditOutlined, NodeIndexOutlined, PlusOutlined } from '@ant-design/icons';
import type { AgencyView, Page, UnitTreeNode } from '../../api/types';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { useUrlState } from '../shared/use-page-params';
import { UnitFormModal, type UnitAction } from './UnitFormModal';

interface TreeItem {
  key: number;
  title: React.ReactNode;
  children: TreeItem[];
}

function findUnit(nodes: UnitTreeNode[], id: number): UnitTreeNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findUnit(node.children, id);
    if (found) return found;
  }
  return undefined;
}

function treeItems(nodes: UnitTreeNode[]): TreeItem[] {
  return nodes.map((node) => ({
    key: node.id,
    title: (
      <span>
        {node.name} <Typography.Text type="secondary">({node.code})</Typography.Text>
        {!node.active && <Tag style={{ marginLeft: 8 }}>Ngừng hoạt động</Tag>}
      </span>
    ),
    children: treeItems(node.children),
  }));
}

/** `Cơ quan`: the agencies, and the unit tree of the chosen one (add, rename, move). */
export default function AgenciesPage() {
  const url = useUrlState();
  const agencyId = url.get('agencyId') ? Number(url.get('agencyId')) : null;
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [action, setAction] = useState<UnitAction | null>(null);

  const agencies = useQuery({
    queryKey: ['agencies', { limit: 500 }],
    queryFn: () => api<Page<AgencyView>>('/agencies', { query: { limit: 500 } }),
  });
  const tree = useQuery({
    queryKey: ['agencies', agencyId, 'tree'],
    queryFn: () => api<UnitTreeNode[]>(`/agencies/${agencyId}/units/tree`),
    enabled: agencyId !== null,
  });
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (agencies.data?.items ?? []).filter(
      (a) =>
        !needle || a.name.toLowerCase().includes(needle) || a.code.toLowerCase().includes(needle),
    );
  }, [agencies.data, search]);
  const agency = agencies.data?.items.find((a) => a.id === agencyId);
  const unit = selected !== null && tree.data ? findUnit(tree.data, selected) : undefined;

  return (
    <>
      <Typography.Title level={2} className="page-title">
        Cơ quan và phòng ban
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title="Cơ quan">
            <Input.Search
              aria-label="Tìm cơ quan"
              placeholder="Tìm theo mã hoặc tên"
              allowClear
              onChange={(e) => setSearch(e.target.value)}
              style={{ marginBottom: 12 }}
            />
            <Table<AgencyView>
              rowKey="id"
              size="small"
              dataSource={shown}
              loading={agencies.isLoading}
              pagination={{ pageSize: 15, hideOnSinglePage: true }}
              rowClassName={(row) => (row.id === agencyId ? 'row-selected' : '')}
              columns={[
                { title: 'Mã', dataIndex: 'code', width: 100 },
                {
                  title: 'Tên cơ quan',
                  dataIndex: 'name',
                  render: (name: string, row) => (
                    <Button
                      type="link"
                      className="link-button"
                      onClick={() => {
                        setSelected(null);
                        url.set({ agencyId: row.id });
                      }}
                    >
                      {name}
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title={agency ? `Phòng ban của ${agency.name}` : 'Phòng ban'}
            extra={
              agency && (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setAction({ kind: 'create', parentId: selected })}
                >
                  Thêm phòng ban
                </Button>
              )
            }
          >
            {!agency ? (
              <Empty description="Chọn một cơ quan để xem các phòng ban." />
            ) : (
              <Space direction="vertical" style={{ width: '100%' }}>
                {tree.isError && <Alert type="error" showIcon title={errorMessage(tree.error)} />}
                <Space wrap>
                  <Typography.Text>
                    {unit ? (
                      <>
                        Đang chọn: <strong>{unit.name}</strong>
                      </>
                    ) : (
                      'Chọn một phòng ban để đổi tên hoặc chuyển.'
                    )}
                  </Typography.Text>
                  <Button
                    icon={<EditOutlined />}
                    disabled={!unit}
                    onClick={() => unit && setAction({ kind: 'rename', unit })}
                  >
                    Đổi tên
                  </Button>
                  <Button
                    icon={<NodeIndexOutlined />}
                    disabled={!unit}
                    onClick={() => unit && setAction({ kind: 'move', unit })}
                  >
                    Chuyển
                  </Button>
                </Space>
                {tree.data && tree.data.length === 0 ? (
                  <Empty description="Cơ quan chưa có phòng ban." />
                ) : (
                  <Tree
                    aria-label="Cây phòng ban"
                    defaultExpandAll
                    key={`${agencyId}-${tree.dataUpdatedAt}`}
                    selectedKeys={selected ? [selected] : []}
                    onSelect={(keys) => setSelected(keys.length ? Number(keys[0]) : null)}
                    treeData={treeItems(tree.data ?? [])}
                  />
                )}
              </Space>
            )}
          </Card>
        </Col>
      </Row>
      {action && agencyId && (
        <UnitFormModal
          agencyId={agencyId}
          tree={tree.data ?? []}
          action={action}
          onClose={() => setAction(null)}
        />
      )}
    </>
  );
}
