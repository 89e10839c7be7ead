import { Suspense, useMemo } from 'react';
import { Link, matchPath, Outlet, useLocation, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Dropdown, Layout, Menu, Select, Space, Spin, Typography } from 'antd';
import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { AgencyView } from '../api/types';
import { api } from '../api/client';
import { signOut } from '../api/session';
import { formatPeriod, formatRole, type RoleName } from '../format';
import { homeOf, PAGES, type PageDef } from './pages';
import { periodChoices } from './periods';
import { usePeriod } from './use-period';
import { useSession } from './use-session';

const { Header, Sider, Content } = Layout;

function pageAt(pathname: string): PageDef | undefined {
  return PAGES.find((page) => matchPath(page.path, pathname));
}

function PeriodPicker({ page }: { page: PageDef }) {
  const kinds = page.periodKinds!;
  const [period, setPeriod] = usePeriod(kinds, page.periodDefault);
  const options = useMemo(
    () =>
      periodChoices(kinds).map((group) => ({
        label: `Năm ${group.year}`,
        title: `Năm ${group.year}`,
        options: group.keys.map((key) => ({ value: key, label: formatPeriod(key) })),
      })),
    [kinds],
  );
  return (
    <Space>
      <label htmlFor="period-picker" className="header-label">
        Kỳ
      </label>
      <Select
        id="period-picker"
        aria-label="Kỳ đánh giá"
        value={period}
        onChange={setPeriod}
        options={options}
        style={{ width: 210 }}
        showSearch={{ optionFilterProp: 'label' }}
        popupMatchSelectWidth={false}
      />
    </Space>
  );
}

function UserMenu() {
  const { user } = useSession();
  const navigate = useNavigate();
  const agency = useQuery({
    queryKey: ['agencies', user?.agencyId],
    queryFn: () => api<AgencyView>(`/agencies/${user!.agencyId}`),
    enabled: Boolean(user?.agencyId),
    staleTime: Infinity,
  });
  if (!user) return null;
  const where = user.agencyId ? (agency.data?.shortName ?? agency.data?.name ?? '') : 'Thành phố';
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: 'Đăng xuất',
            onClick: async () => {
              await signOut();
              navigate('/login', { replace: true });
            },
          },
        ],
      }}
    >
      <Button type="text" className="user-button" aria-label={`Tài khoản ${user.username}`}>
        <UserOutlined />
        <span className="user-name">{user.username}</span>
        <span className="user-detail">
          {formatRole(user.role)}
          {where ? ` · ${where}` : ''}
        </span>
        <DownOutlined />
      </Button>
    </Dropdown>
  );
}

/** The shell: header (app name, period picker, user), the menu of the role's pages, the page. */
export function AppLayout() {
  const { user } = useSession();
  const location = useLocation();
  const page = pageAt(location.pathname);
  const role = user?.role as RoleName;
  const search = new URLSearchParams(location.search);
  const period = search.get('period');
  // The role's home leads its menu; the other pages follow in the table's order.
  const home = homeOf(role);
  const menuItems = PAGES.filter((p) => p.menuLabel && p.roles.includes(role))
    .sort((a, b) => Number(b.path === home) - Number(a.path === home))
    .map((p) => ({
      key: p.path,
      label: <Link to={period ? `${p.path}?period=${period}` : p.path}>{p.menuLabel}</Link>,
    }));
  const selected = PAGES.filter(
    (p) => p.menuLabel && matchPath({ path: p.path, end: false }, location.pathname),
  ).map((p) => p.path);

  return (
    <Layout className="app-shell">
      <Header className="app-header">
        <Link to="/" className="app-title">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <Typography.Text strong className="app-name">
            Thi đua
          </Typography.Text>
        </Link>
        <div className="header-tools">
          {page?.periodKinds && <PeriodPicker page={page} />}
          <UserMenu />
        </div>
      </Header>
      <Layout>
        <Sider width={220} theme="light" breakpoint="lg" collapsedWidth={0} className="app-sider">
          <nav aria-label="Chức năng">
            <Menu mode="inline" selectedKeys={selected} items={menuItems} />
          </nav>
        </Sider>
        {/* antd's Content is the page's one <main> landmark. */}
        <Content className="app-content">
          <Suspense fallback={<Spin size="large" className="page-spinner" />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
