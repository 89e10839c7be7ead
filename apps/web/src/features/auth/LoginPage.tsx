import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { ApiError, errorMessage } from '../../api/api-error';
import { signIn } from '../../api/session';
import { homeOf } from '../../app/pages';
import { useSession } from '../../app/use-session';
import type { RoleName } from '../../format';

interface Credentials {
  username: string;
  password: string;
}

/** Only "wrong username or password": never which of the two was wrong (UI.md §2). */
function loginMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return 'Sai tên đăng nhập hoặc mật khẩu';
  return errorMessage(error);
}

export default function LoginPage() {
  const { status, user } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;

  if (status === 'signed-in' && user && !busy) {
    return <Navigate to={from ?? homeOf(user.role as RoleName)} replace />;
  }

  async function submit({ username, password }: Credentials) {
    setBusy(true);
    setError(null);
    try {
      const signedIn = await signIn(username.trim(), password);
      navigate(from ?? homeOf(signedIn.role as RoleName), { replace: true });
    } catch (caught) {
      setError(loginMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login-page">
      <Card className="login-card">
        <div className="login-brand">
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <div>
            <Typography.Title level={1} className="login-title">
              Thi đua
            </Typography.Title>
            <Typography.Text type="secondary">
              Phong trào thi đua thực hiện Quy tắc ứng xử
            </Typography.Text>
          </div>
        </div>
        <Form<Credentials> name="login" layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label="Tên đăng nhập"
            name="username"
            rules={[{ required: true, whitespace: true, message: 'Nhập tên đăng nhập' }]}
          >
            <Input autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            label="Mật khẩu"
            name="password"
            rules={[{ required: true, message: 'Nhập mật khẩu' }]}
          >
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          {error && (
            <Form.Item>
              <Alert type="error" title={error} showIcon role="alert" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            Đăng nhập
          </Button>
        </Form>
      </Card>
    </main>
  );
}
