import { Link, useNavigate } from 'react-router-dom';
import { paths } from '@/lib/paths';
import { useDocumentTitle } from '@/lib/use-document-title';
import { AuthCard } from '../components/AuthCard';
import { RegisterForm } from '../components/RegisterForm';

/** Where a new lifter starts: choosing a plan. */
const AFTER_REGISTRATION_PATH = paths.plans;

export function RegisterPage() {
  useDocumentTitle('Create account');
  const navigate = useNavigate();

  return (
    <AuthCard
      title="Create your account"
      intro="Pick a plan, enter your maxes, and get every set prescribed to the plate."
      footer={
        <>
          Already have an account? <Link to={paths.login}>Sign in</Link>
        </>
      }
    >
      <RegisterForm onRegistered={() => void navigate(AFTER_REGISTRATION_PATH, { replace: true })} />
    </AuthCard>
  );
}
