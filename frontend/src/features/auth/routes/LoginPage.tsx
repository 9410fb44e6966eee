import { Link, useLocation, useNavigate } from 'react-router-dom';
import { paths } from '@/lib/paths';
import { useDocumentTitle } from '@/lib/use-document-title';
import { AuthCard } from '../components/AuthCard';
import { LoginForm } from '../components/LoginForm';
import { redirectTargetAfterLogin } from '../session/login-redirect';
import { sessionHasExpired } from '../session/session-actions';

export function LoginPage() {
  useDocumentTitle('Sign in');
  const location = useLocation();
  const navigate = useNavigate();
  const target = redirectTargetAfterLogin(location.state);

  return (
    <AuthCard
      title="Sign in"
      intro={sessionHasExpired() ? 'Your session has ended. Sign in again to continue.' : 'Welcome back to LiftPlan.'}
      footer={
        <>
          New here? <Link to={paths.register}>Create an account</Link>
        </>
      }
    >
      <LoginForm onSignedIn={() => void navigate(target, { replace: true })} />
    </AuthCard>
  );
}
