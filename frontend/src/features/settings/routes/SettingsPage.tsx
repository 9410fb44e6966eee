import { useCurrentUser } from '@/lib/current-user';
import { useDocumentTitle } from '@/lib/use-document-title';
import { EquipmentForm } from '../components/EquipmentForm';
import { ProfileForm } from '../components/ProfileForm';
import { UnitForm } from '../components/UnitForm';
import { TrainingPreferencesForm } from '../components/TrainingPreferencesForm';
import { DataExport } from '../components/DataExport';
import { EnrolmentHistory } from '../components/EnrolmentHistory';
import { TimeZoneForm } from '../components/TimeZoneForm';
import { TrainingDaysForm } from '../components/TrainingDaysForm';
import '@/components/ui.css';
import '../settings.css';

export function SettingsPage() {
  useDocumentTitle('Settings');
  const user = useCurrentUser();
  return (
    <div className="page page--narrow">
      <h1 className="page__title">Settings</h1>
      <p className="page__intro muted">Signed in as {user.email}</p>
      <ProfileForm user={user} />
      <UnitForm user={user} />
      {/* Remounts after a unit switch: the server may have moved bar and plates to the new unit's defaults. */}
      <EquipmentForm key={user.unitPreference} user={user} />
      <TrainingPreferencesForm user={user} />
      <TimeZoneForm user={user} />
      <TrainingDaysForm />
      <EnrolmentHistory />
      <DataExport />
    </div>
  );
}
