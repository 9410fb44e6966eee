import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuthResponse, LoginBody, RegisterBody } from '@liftplan/domain';
import { startSession } from '../session/session-actions';
import { login, register } from './auth-api';

export function useLoginMutation() {
  const queryClient = useQueryClient();
  return useMutation<AuthResponse, Error, LoginBody>({
    mutationFn: login,
    onSuccess: (response) => startSession(queryClient, response),
  });
}

export function useRegisterMutation() {
  const queryClient = useQueryClient();
  return useMutation<AuthResponse, Error, RegisterBody>({
    mutationFn: register,
    onSuccess: (response) => startSession(queryClient, response),
  });
}
